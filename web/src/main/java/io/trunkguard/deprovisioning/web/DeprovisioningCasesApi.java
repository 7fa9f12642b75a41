package io.trunkguard.deprovisioning.web;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.Receipt;
import io.trunkguard.deprovisioning.Step;
import io.trunkguard.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/deprovisioning/cases}: read-only. Deprovisioning cases are HR data:
 * compliance leads, auditors and admins only (a refusal goes through the audited
 * access-denied handler).
 */
@RestController
@RequestMapping("/api/deprovisioning/cases")
class DeprovisioningCasesApi {

	private static final Set<String> READERS = Set.of(Role.COMPLIANCE_LEAD.authority(), Role.AUDITOR.authority(),
			Role.ADMIN.authority());

	private final DeprovisioningService deprovisioning;

	private final Clock clock = Clock.systemUTC();

	DeprovisioningCasesApi(DeprovisioningService deprovisioning) {
		this.deprovisioning = deprovisioning;
	}

	record OpenCase(String id, String hrId, String username, String status, Instant effectiveAt, Instant receivedAt,
			long openForSeconds, int receipts, int steps, int verificationAttempts) {
	}

	record ReceiptResponse(String eventId, String source, Instant effectiveAt, Instant receivedAt, String receivedBy,
			boolean duplicate) {
	}

	record StepResponse(String kind, String grantId, String system, String entitlement, Instant doneAt, String doneBy,
			Instant slaDueAt, Boolean slaMet, String note) {
	}

	record CaseResponse(String id, String personId, String hrId, String username, String status, Instant effectiveAt,
			Instant receivedAt, Instant lastAccessRemovedAt, Long timeToDeprovisionSeconds, Boolean slaMet,
			Instant completedAt, List<ReceiptResponse> receipts, List<StepResponse> steps) {
	}

	/** Open cases, the oldest HR event first (the most overdue on top). */
	@GetMapping
	List<OpenCase> open(Authentication user) {
		requireReader(user);
		Instant now = clock.instant();
		return deprovisioning.openCases()
			.stream()
			.map(c -> new OpenCase(c.getId().toString(), c.getHrId(), c.getUsername(), c.getStatus().name(),
					c.getEffectiveAt(), c.getReceivedAt(),
					Math.max(0, Duration.between(c.getEffectiveAt(), now).toSeconds()), c.getReceipts().size(),
					c.getSteps().size(), c.getVerificationAttempts()))
			.toList();
	}

	@GetMapping("/{id}")
	CaseResponse one(@PathVariable("id") DeprovisioningCaseId caseId, Authentication user) {
		requireReader(user);
		DeprovisioningCase c = deprovisioning.get(caseId);
		return new CaseResponse(c.getId().toString(), c.getPersonId().toString(), c.getHrId(), c.getUsername(),
				c.getStatus().name(), c.getEffectiveAt(), c.getReceivedAt(), c.getLastAccessRemovedAt(),
				c.timeToDeprovision().map(Duration::toSeconds).orElse(null), c.getSlaMet(), c.getCompletedAt(),
				c.getReceipts().stream().map(DeprovisioningCasesApi::receipt).toList(),
				c.getSteps().stream().map(DeprovisioningCasesApi::step).toList());
	}

	private static ReceiptResponse receipt(Receipt r) {
		return new ReceiptResponse(r.getEventId(), r.getSource().name(), r.getEffectiveAt(), r.getReceivedAt(),
				r.getReceivedBy(), r.isDuplicate());
	}

	private static StepResponse step(Step s) {
		return new StepResponse(s.getKind().name(), s.getGrantId() == null ? null : s.getGrantId().toString(),
				s.getSystemName(), s.getEntitlement(), s.getDoneAt(), s.getDoneBy(), s.getSlaDueAt(),
				s.getSlaDueAt() == null ? null : s.metSla(), s.getNote());
	}

	private static void requireReader(Authentication user) {
		if (user == null || user.getAuthorities().stream().noneMatch(a -> READERS.contains(a.getAuthority()))) {
			throw new AccessDeniedException("deprovisioning cases are for compliance leads, auditors and admins");
		}
	}

}
