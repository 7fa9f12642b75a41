package io.trunkguard.evidence;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link EvidenceItem}s. */
interface EvidenceItems extends Repository<EvidenceItem, UUID> {

	EvidenceItem save(EvidenceItem item);

	Optional<EvidenceItem> findById(UUID id);

	List<EvidenceItem> findBySubjectTypeAndSubjectIdOrderByRecordedAt(String subjectType, String subjectId);

	List<EvidenceItem> findByFileId(StoredFileId fileId);

	@Query("select i from EvidenceItem i where i.evidencedTo >= :from and i.evidencedFrom <= :to"
			+ " order by i.evidencedFrom, i.recordedAt")
	List<EvidenceItem> findEvidencing(LocalDate from, LocalDate to);

	@Query("select i from EvidenceItem i order by i.evidencedFrom, i.recordedAt")
	List<EvidenceItem> findAllInOrder();

}
