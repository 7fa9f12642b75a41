package io.trunkguard.trace.web;

import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.ClauseCheck;
import io.trunkguard.trace.ContractClauseCheck;
import io.trunkguard.trace.EncryptionRemediation;
import io.trunkguard.trace.EncryptionRemediationService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.QuestionnaireContradictions;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A carrier's transmission encryption for automation: {@code GET
 * /api/vendors/{id}/encryption-clause} answers the contract clause checked against each
 * trunk's latest capture (met, or the legs and frames that violate it), the remediation
 * tasks and the questionnaire answers that contradict the traffic; remediation tasks are
 * closed with a newer capture ({@code POST /api/captures/remediations/{id}/close}) or, by
 * a compliance lead who does not own the carrier, as an accepted risk ({@code POST
 * /api/captures/remediations/{id}/accept-risk}).
 */
@RestController
class CarrierEncryptionApi {

	record EncryptionResponse(String vendorId, String vendorName, ClauseCheck clause, boolean clauseMet,
			List<ClauseCheck.ClauseViolation> violations, List<RemediationResponse> remediations,
			List<String> questionnaireContradictions) {
	}

	record RemediationResponse(String id, String cause, String trunk, String captureId, String ruleId,
			String description, List<Long> frames, String owner, LocalDate dueOn, boolean overdue, Instant escalatedAt,
			String status, String closure, String closedBy, Instant closedAt, String closingCaptureId,
			String justification) {

		static RemediationResponse of(EncryptionRemediation task) {
			return new RemediationResponse(task.getId().toString(), task.getCause().label(), task.getTrunk(),
					task.getCaptureId().toString(), task.getRuleId(), task.getDescription(), task.getFrames(),
					task.getOwnerName(), task.getDueOn(), task.overdueOn(LocalDate.now()), task.getEscalatedAt(),
					task.getStatus().name(), task.getClosure() == null ? null : task.getClosure().label(),
					task.getClosedBy(), task.getClosedAt(),
					task.getClosingCaptureId() == null ? null : task.getClosingCaptureId().toString(),
					task.getJustification());
		}

	}

	record CloseRequest(String captureId) {
	}

	record AcceptRiskRequest(String justification) {
	}

	private final ContractClauseCheck clauses;

	private final EncryptionRemediationService remediations;

	private final QuestionnaireContradictions contradictions;

	private final VendorService vendors;

	CarrierEncryptionApi(ContractClauseCheck clauses, EncryptionRemediationService remediations,
			QuestionnaireContradictions contradictions, VendorService vendors) {
		this.clauses = clauses;
		this.remediations = remediations;
		this.contradictions = contradictions;
		this.vendors = vendors;
	}

	@GetMapping("/api/vendors/{id}/encryption-clause")
	EncryptionResponse encryption(@PathVariable VendorId id) {
		String name = vendors.get(id).getName();
		ClauseCheck check = clauses.check(id);
		return new EncryptionResponse(id.toString(), name, check, check.met(), check.violations(),
				remediations.ofVendor(id).stream().map(RemediationResponse::of).toList(),
				contradictions.of(id).stream().map(QuestionnaireContradictions.Contradiction::sentence).toList());
	}

	@PostMapping("/api/captures/remediations/{id}/close")
	RemediationResponse close(@PathVariable UUID id, @RequestBody CloseRequest request, Authentication user) {
		return RemediationResponse
			.of(remediations.closeWithCapture(id, captureId(request.captureId()), user.getName()));
	}

	@PostMapping("/api/captures/remediations/{id}/accept-risk")
	RemediationResponse acceptRisk(@PathVariable UUID id, @RequestBody AcceptRiskRequest request, Authentication user) {
		return RemediationResponse.of(remediations.acceptRisk(id, request.justification(), user.getName()));
	}

	static CaptureId captureId(String text) {
		try {
			return CaptureId.of(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("remediation.capture-id",
					"Name the newer capture that shows the trunk (its id, as in the capture's address).",
					Map.of("captureId", "not a capture id"));
		}
	}

}
