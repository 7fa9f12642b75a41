package io.trunkguard.audit.web;

import java.time.Instant;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditVerification;
import io.trunkguard.web.PageResponse;

/** The audit trail's REST API: read entries, verify the hash chain. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

	record AuditEntryResponse(long sequence, Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, String details, String previousHash, String hash) {

		static AuditEntryResponse of(AuditEntry entry) {
			return new AuditEntryResponse(entry.getSequence(), entry.getOccurredAt(), entry.getActor(),
					entry.getAction(), entry.getSubjectType(), entry.getSubjectId(), entry.getDetails(),
					entry.getPreviousHash(), entry.getHash());
		}
	}

	private final AuditEntries entries;

	private final AuditChainVerifier verifier;

	AuditApi(AuditEntries entries, AuditChainVerifier verifier) {
		this.entries = entries;
		this.verifier = verifier;
	}

	@GetMapping("/entries")
	PageResponse<AuditEntryResponse> entries(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0),
				Math.min(Math.max(size, 1), PageResponse.MAX_PAGE_SIZE));
		return PageResponse.of(entries.search(actor, action, subjectType, subjectId, from, to, request),
				AuditEntryResponse::of);
	}

	@GetMapping("/verify")
	AuditVerification verify() {
		return verifier.verify();
	}

}
