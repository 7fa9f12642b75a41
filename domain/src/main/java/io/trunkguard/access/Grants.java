package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Repository of {@link AccessGrant} aggregates. Grants are never deleted: they are
 * revoked.
 */
public interface Grants extends Repository<AccessGrant, GrantId>, JpaSpecificationExecutor<AccessGrant> {

	AccessGrant save(AccessGrant grant);

	Optional<AccessGrant> findById(GrantId id);

	List<AccessGrant> findAllById(Iterable<GrantId> ids);

	List<AccessGrant> findByPersonIdAndStatus(PersonId personId, GrantStatus status);

	List<AccessGrant> findByPersonIdInAndStatus(java.util.Collection<PersonId> personIds, GrantStatus status);

	List<AccessGrant> findBySystemIdAndStatus(SystemId systemId, GrantStatus status);

	List<AccessGrant> findByPersonId(PersonId personId);

	boolean existsByPersonIdAndSystemIdAndEntitlementAndStatus(PersonId personId, SystemId systemId, String entitlement,
			GrantStatus status);

	long count();

	long countByStatus(GrantStatus status);

	long countByStatusAndPrivilegedTrue(GrantStatus status);

	Page<AccessGrant> findAll(Pageable pageable);

}
