package io.trunkguard.deprovisioning;

import io.trunkguard.people.PersonId;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

/** Repository of {@link DeprovisioningCase} aggregates. Cases are never deleted. */
public interface DeprovisioningCases extends Repository<DeprovisioningCase, DeprovisioningCaseId> {

	DeprovisioningCase save(DeprovisioningCase deprovisioningCase);

	DeprovisioningCase saveAndFlush(DeprovisioningCase deprovisioningCase);

	Optional<DeprovisioningCase> findById(DeprovisioningCaseId id);

	/** The case that received an event with this id (as its first or a later receipt). */
	@Query("select distinct c from DeprovisioningCase c join c.receipts r where r.eventId = :eventId")
	List<DeprovisioningCase> findByReceivedEventId(@Param("eventId") String eventId);

	Optional<DeprovisioningCase> findByOpenPersonId(PersonId personId);

	List<DeprovisioningCase> findByPersonIdOrderByReceivedAtDesc(PersonId personId);

	List<DeprovisioningCase> findByStatusOrderByEffectiveAtAsc(CaseStatus status);

	/** Cases whose HR event falls in [{@code from}, {@code to}), the oldest first. */
	List<DeprovisioningCase> findByEffectiveAtGreaterThanEqualAndEffectiveAtLessThanOrderByEffectiveAtAsc(
			java.time.Instant from, java.time.Instant to);

	long count();

	long countByStatus(CaseStatus status);

}
