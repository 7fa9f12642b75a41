package io.trunkguard.engagement;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Repository of {@link AuditEngagement}s. */
interface AuditEngagements extends Repository<AuditEngagement, AuditEngagementId> {

	AuditEngagement save(AuditEngagement audit);

	Optional<AuditEngagement> findById(AuditEngagementId id);

	List<AuditEngagement> findAllByOrderByPeriodFromDescNameAsc();

}
