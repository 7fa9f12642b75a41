package io.trunkguard.change.web;

import io.trunkguard.change.SipChange;
import io.trunkguard.change.SipChangeExcerpt;
import io.trunkguard.change.SipChangeId;
import io.trunkguard.change.SipChangeService;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * SIP change records over HTTP: list per period, read, record, approve (by a second
 * person), attach a configuration excerpt (secrets redacted before it is stored).
 */
@RestController
class SipChangesApi {

	private final SipChangeService changes;

	private final Clock clock = Clock.systemUTC();

	SipChangesApi(SipChangeService changes) {
		this.changes = changes;
	}

	/** A change as the API shows it. */
	record ChangeResponse(String id, String kind, String systemName, String vendorId, String summary, String reason,
			String requestedBy, LocalDate appliedOn, boolean touchesEncryption, String captureId, String status,
			String recordedBy, Instant recordedAt, String approvedBy, Instant approvedAt, String evidenceItemId,
			List<ExcerptResponse> excerpts) {
	}

	/** An attached excerpt with what was redacted from it. */
	record ExcerptResponse(String id, String fileName, String storedFileId, String sha256, int redactions,
			String redacted, String addedBy, Instant addedAt) {

		static ExcerptResponse of(SipChangeExcerpt e) {
			return new ExcerptResponse(e.getId().toString(), e.getFileName(), e.getStoredFileId().toString(),
					e.getSha256(), e.getRedactions(), e.getRedactionSummary(), e.getAddedBy(), e.getAddedAt());
		}

	}

	@GetMapping("/api/changes")
	List<ChangeResponse> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		ChangePeriod period = ChangePeriod.parse(from, to, LocalDate.now(clock));
		return changes.appliedBetween(period.from(), period.to()).stream().map(this::response).toList();
	}

	@GetMapping("/api/changes/{id}")
	ChangeResponse get(@PathVariable SipChangeId id) {
		return response(changes.get(id));
	}

	@PostMapping(path = "/api/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ChangeResponse> record(@RequestBody ChangeForm form, Authentication user) {
		SipChange change = changes.record(form.toDraft(), user.getName());
		return ResponseEntity.created(URI.create("/api/changes/" + change.getId())).body(response(change));
	}

	@PostMapping("/api/changes/{id}/approval")
	ChangeResponse approve(@PathVariable SipChangeId id, Authentication user) {
		return response(changes.approve(id, user.getName()));
	}

	@PostMapping("/api/changes/{id}/excerpts")
	ResponseEntity<ExcerptResponse> excerpt(@PathVariable SipChangeId id,
			@RequestParam(required = false) MultipartFile file, Authentication user) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("change.excerpt-missing", "Send the excerpt as the multipart field file.",
					Map.of("file", "Attach a text file."));
		}
		try (InputStream in = file.getInputStream()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(ExcerptResponse.of(changes.addExcerpt(id, in, file.getOriginalFilename(), user.getName())));
		}
	}

	private ChangeResponse response(SipChange c) {
		return new ChangeResponse(c.getId().toString(), c.getKind().name(), c.getSystemName(),
				c.getVendorId() == null ? null : c.getVendorId().toString(), c.getSummary(), c.getReason(),
				c.getRequestedBy(), c.getAppliedOn(), c.isTouchesEncryption(),
				c.getCaptureId() == null ? null : c.getCaptureId().toString(), c.getStatus().name(), c.getRecordedBy(),
				c.getRecordedAt(), c.getApprovedBy(), c.getApprovedAt(),
				c.getEvidenceItemId() == null ? null : c.getEvidenceItemId().toString(),
				changes.excerpts(c.getId()).stream().map(ExcerptResponse::of).toList());
	}

}
