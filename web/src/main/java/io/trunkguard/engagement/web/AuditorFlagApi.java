package io.trunkguard.engagement.web;

import io.trunkguard.engagement.AuditEngagement;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An auditor's flag on an evidence item by API, the one write an auditor has: allowed
 * only on evidence an audit assigned to them covers (one of its criteria, dated inside
 * its period); anything else is refused with 403 and a sentence, and recorded as a
 * refused write. Lives with the audits because the audits decide it.
 */
@RestController
class AuditorFlagApi {

	record Comment(String text) {
	}

	record FlagResponse(UUID id, String title, String status, String flagComment, String flaggedBy, UUID auditId,
			String audit) {
	}

	private final AuditScope scope;

	private final EvidenceService evidence;

	private final Clock clock;

	AuditorFlagApi(AuditScope scope, EvidenceService evidence, ObjectProvider<Clock> clock) {
		this.scope = scope;
		this.evidence = evidence;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/api/evidence-items/{id}/flag")
	FlagResponse flag(@PathVariable("id") UUID id, @RequestBody Comment comment, Authentication user) {
		AuditEngagement audit = scope.auditToFlagIn(user, evidence.get(id));
		EvidenceItem flagged = evidence.flag(id, comment == null ? null : comment.text(), user.getName());
		return new FlagResponse(flagged.getId(), flagged.getTitle(),
				flagged.statusOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).label(),
				flagged.getFlagComment(), user.getName(), audit.getId().value(), audit.getName());
	}

}
