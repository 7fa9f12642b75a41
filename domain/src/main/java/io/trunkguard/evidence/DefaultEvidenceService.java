package io.trunkguard.evidence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@Service
@Validated
@Transactional
class DefaultEvidenceService implements EvidenceService {

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
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		EvidenceItem item = items.save(new EvidenceItem(fileId, draft, actor, now));
		events
			.publishEvent(new EvidenceRecorded(item.getId(), fileId, file.getSha256(), draft.title(), draft.controls(),
					draft.evidencedFrom(), draft.evidencedTo(), draft.subjectType(), draft.subjectId(), actor, now));
		return item;
	}

	@Override
	@Transactional(readOnly = true)
	public List<EvidenceItem> about(String subjectType, String subjectId) {
		return items.findBySubjectTypeAndSubjectIdOrderByRecordedAt(subjectType, subjectId);
	}

}
