package io.trunkguard.evidence;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.UUID;

/** Repository of {@link EvidenceItem}s (append-only). */
interface EvidenceItems extends Repository<EvidenceItem, UUID> {

	EvidenceItem save(EvidenceItem item);

	List<EvidenceItem> findBySubjectTypeAndSubjectIdOrderByRecordedAt(String subjectType, String subjectId);

}
