package io.trunkguard.evidence;

import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@Service
@Validated
@Transactional
class DefaultEvidenceService implements EvidenceService {

	/** Generated files (reports, logs) are small; anything larger is a bug. */
	private static final long MAX_GENERATED = 512L * 1024 * 1024;

	private final EvidenceItems items;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultEvidenceService(EvidenceItems items, FileStore files, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.items = items;
		this.files = files;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public EvidenceItem record(StoredFileId fileId, EvidenceDraft draft, String actor) {
		StoredFile file = files.get(fileId);
		Instant now = now();
		EvidenceItem item = items.save(new EvidenceItem(fileId, draft, actor, now));
		events
			.publishEvent(new EvidenceRecorded(item.getId(), fileId, file.getSha256(), draft.title(), draft.controls(),
					draft.evidencedFrom(), draft.evidencedTo(), draft.subjectType(), draft.subjectId(), actor, now));
		return item;
	}

	@Override
	public EvidenceItem store(byte[] content, String fileName, EvidenceDraft draft, String actor) {
		StoredFile file = files.store(content, FileUpload.of(fileName, actor, MAX_GENERATED));
		return record(file.getId(), draft, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public List<EvidenceItem> about(String subjectType, String subjectId) {
		return items.findBySubjectTypeAndSubjectIdOrderByRecordedAt(subjectType, subjectId);
	}

	@Override
	@Transactional(readOnly = true)
	public EvidenceItem get(UUID itemId) {
		return items.findById(itemId).orElseThrow(() -> new NotFoundException("EvidenceItem", itemId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<EvidenceItem> evidencing(LocalDate from, LocalDate to) {
		return items.findEvidencing(from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<EvidenceItem> all() {
		return items.findAllInOrder();
	}

	@Override
	public EvidenceItem changePeriod(UUID itemId, LocalDate from, LocalDate to, String reason, String actor) {
		return change(itemId, item -> item.changePeriod(from, to, reason, actor, now()));
	}

	@Override
	public EvidenceItem approve(UUID itemId, String actor) {
		return change(itemId, item -> item.approve(actor, now()));
	}

	@Override
	public EvidenceItem flag(UUID itemId, String comment, String actor) {
		return change(itemId, item -> item.flag(comment, actor, now()));
	}

	@Override
	public EvidenceItem answerFlag(UUID itemId, String answer, String actor) {
		return change(itemId, item -> item.answerFlag(answer, actor, now()));
	}

	private EvidenceItem change(UUID itemId, Function<EvidenceItem, EvidenceChanged> change) {
		EvidenceItem item = get(itemId);
		EvidenceChanged event = change.apply(item);
		items.save(item);
		events.publishEvent(event);
		return item;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
