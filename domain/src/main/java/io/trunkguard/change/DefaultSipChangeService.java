package io.trunkguard.change;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.Labels;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.trunkguard.shared.AuditableEvent.details;

@Service
@Validated
@Transactional
class DefaultSipChangeService implements SipChangeService {

	static final long MAX_EXCERPT_BYTES = 1024 * 1024;

	private final SipChanges changes;

	private final SipChangeExcerpts excerpts;

	private final FileStore files;

	private final EvidenceService evidence;

	private final CaptureService captures;

	private final VendorService vendors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultSipChangeService(SipChanges changes, SipChangeExcerpts excerpts, FileStore files, EvidenceService evidence,
			CaptureService captures, VendorService vendors, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.changes = changes;
		this.excerpts = excerpts;
		this.files = files;
		this.evidence = evidence;
		this.captures = captures;
		this.vendors = vendors;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public SipChange record(NewSipChange draft, String actor) {
		if (draft.vendorId() != null) {
			vendors.get(draft.vendorId());
		}
		if (draft.captureId() != null) {
			captureOrRefuse(draft.captureId());
		}
		SipChange change = changes.save(new SipChange(draft, actor, clock.instant()));
		publish(actor, SipChangeEvent.RECORDED, change,
				details("summary", change.getSummary(), "kind", change.getKind().name(), "system",
						change.getSystemName(), "requestedBy", change.getRequestedBy(), "appliedOn",
						change.getAppliedOn().toString(), "touchesEncryption", change.isTouchesEncryption()));
		return change;
	}

	@Override
	@Transactional(noRollbackFor = InvalidStateException.class)
	public SipChange approve(SipChangeId id, String actor) {
		SipChange change = get(id);
		try {
			change.approve(actor, clock.instant());
		}
		catch (InvalidStateException refused) {
			// kept: the refusal is audited although nothing changed
			publish(actor, SipChangeEvent.APPROVAL_REFUSED, change, details("code", refused.code(), "requestedBy",
					change.getRequestedBy(), "recordedBy", change.getRecordedBy()));
			throw refused;
		}
		EvidenceItem item = evidence.store(changeRecord(change).getBytes(StandardCharsets.UTF_8),
				"sip-change-" + change.getAppliedOn() + "-" + change.getId().toString().substring(0, 8) + ".txt",
				new EvidenceDraft("SIP change record: " + change.getSummary() + " (" + change.getSystemName() + ")",
						controls(change), change.getAppliedOn(), change.getAppliedOn(), "SipChange",
						change.getId().toString()),
				actor);
		change.evidencedBy(item.getId());
		publish(actor, SipChangeEvent.APPROVED, change, details("requestedBy", change.getRequestedBy(), "recordedBy",
				change.getRecordedBy(), "evidenceItem", item.getId().toString()));
		return change;
	}

	static List<String> controls(SipChange change) {
		return change.isTouchesEncryption() ? List.of("CC8.1", "CC6.7") : List.of("CC8.1");
	}

	@Override
	public SipChangeExcerpt addExcerpt(SipChangeId id, InputStream content, String fileName, String actor) {
		SipChange change = get(id);
		String name = fileName == null || fileName.isBlank() ? "excerpt.txt"
				: fileName.replaceAll("[\\\\/]", "_").strip();
		byte[] bytes = read(content, name);
		if (bytes.length == 0) {
			throw new InvalidInputException("change.excerpt-empty", "The file " + name + " is empty.",
					Map.of("file", "Choose a configuration excerpt (a text file)."));
		}
		String text = text(bytes, name);
		ConfigRedaction.Redacted redacted = ConfigRedaction.redact(text);
		StoredFile stored = files.store(redacted.text().getBytes(StandardCharsets.UTF_8),
				FileUpload.of(name, actor, MAX_EXCERPT_BYTES + 64 * 1024));
		SipChangeExcerpt excerpt = excerpts.save(new SipChangeExcerpt(change.getId(), stored.getId(), name,
				stored.getSha256(), redacted, actor, clock.instant()));
		publish(actor, SipChangeEvent.EXCERPT_ADDED, change, details("file", name, "sha256", stored.getSha256(),
				"redactions", redacted.redactions().size(), "redacted", redacted.summary()));
		return excerpt;
	}

	@Override
	public SipChange linkCapture(SipChangeId id, CaptureId captureId, String actor) {
		SipChange change = get(id);
		Capture capture = captureOrRefuse(captureId);
		change.linkCapture(captureId);
		publish(actor, SipChangeEvent.CAPTURE_LINKED, change,
				details("capture", captureId.toString(), "file", capture.getFileName()));
		return change;
	}

	@Override
	@Transactional(readOnly = true)
	public SipChange get(SipChangeId id) {
		return changes.findById(id).orElseThrow(() -> new NotFoundException("SipChange", id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<SipChange> appliedBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInputException("change.period",
					"The period ends on " + to + ", before it starts on " + from + ".",
					Map.of("to", "The end must not be before the start."));
		}
		return changes.findByAppliedOnBetweenOrderByAppliedOnDescRecordedAtDesc(from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SipChangeExcerpt> excerpts(SipChangeId id) {
		return excerpts.findByChangeIdOrderByAddedAt(id);
	}

	@Override
	@Transactional(readOnly = true)
	public SipChangeExcerpt excerpt(SipChangeId id, UUID excerptId) {
		return excerpts.findById(excerptId)
			.filter(e -> e.getChangeId().equals(id))
			.orElseThrow(() -> new NotFoundException("SipChangeExcerpt", excerptId));
	}

	private Capture captureOrRefuse(CaptureId id) {
		return captures.find(id)
			.orElseThrow(() -> new InvalidInputException("change.capture-unknown",
					"There is no capture with the id given.", Map.of("captureId", "Choose an uploaded capture.")));
	}

	/** The change as a plain-text record: what an auditor reads in the evidence pack. */
	private String changeRecord(SipChange change) {
		List<String> lines = new ArrayList<>();
		lines.add("SIP infrastructure change record (SOC 2 " + String.join(", ", controls(change)) + ")");
		lines.add("");
		lines.add("What changed:       " + change.getSummary());
		lines.add("Why:                " + change.getReason());
		lines.add("Touches:            " + Labels.label(change.getKind()) + " " + change.getSystemName()
				+ (change.getVendorId() == null ? ""
						: " (carrier " + vendors.get(change.getVendorId()).getName() + ")"));
		lines.add("Encryption settings: " + (change.isTouchesEncryption() ? "changed" : "not changed"));
		lines.add("Requested by:       " + change.getRequestedBy());
		lines.add("Recorded by:        " + change.getRecordedBy() + " on " + change.getRecordedAt());
		lines.add("Approved by:        " + change.getApprovedBy() + " on " + change.getApprovedAt());
		lines.add("Applied on:         " + change.getAppliedOn());
		if (change.getCaptureId() != null) {
			captures.find(change.getCaptureId())
				.ifPresent(c -> lines
					.add("Result shown by:    capture " + c.getFileName() + " (SHA-256 " + c.getSha256() + ")"));
		}
		List<SipChangeExcerpt> attached = excerpts(change.getId());
		lines.add("Configuration excerpts: " + (attached.isEmpty() ? "none" : attached.size()));
		for (SipChangeExcerpt e : attached) {
			lines.add("  " + e.getFileName() + " (SHA-256 " + e.getSha256() + "): " + e.getRedactionSummary());
		}
		return String.join("\n", lines) + "\n";
	}

	private static byte[] read(InputStream content, String name) {
		try (InputStream in = content) {
			byte[] bytes = in.readNBytes((int) MAX_EXCERPT_BYTES + 1);
			if (bytes.length > MAX_EXCERPT_BYTES) {
				throw new InvalidInputException("change.excerpt-too-large",
						"The file " + name + " is larger than 1 MB: attach the relevant part of the configuration.",
						Map.of("file", "Attach an excerpt of at most 1 MB."));
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the excerpt " + name, e);
		}
	}

	private static String text(byte[] bytes, String name) {
		for (byte b : bytes) {
			if (b == 0) {
				throw notText(name);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw notText(name);
		}
	}

	private static InvalidInputException notText(String name) {
		return new InvalidInputException("change.excerpt-not-text",
				"The file " + name + " is not a text file (UTF-8): attach the configuration as text, "
						+ "so its secrets can be removed before it is stored.",
				Map.of("file", "Attach a text file."));
	}

	private void publish(String actor, String action, SipChange change, Map<String, Object> details) {
		events.publishEvent(new SipChangeEvent(actor, clock.instant(), action, change.getId(), details));
	}

}
