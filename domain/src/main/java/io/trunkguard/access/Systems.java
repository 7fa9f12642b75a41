package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Repository of {@link AccessSystem} aggregates. */
public interface Systems extends Repository<AccessSystem, SystemId> {

	AccessSystem save(AccessSystem system);

	Optional<AccessSystem> findById(SystemId id);

	boolean existsById(SystemId id);

	Optional<AccessSystem> findByName(String name);

	boolean existsByName(String name);

	List<AccessSystem> findAllByOrderByName();

	List<AccessSystem> findByInReviewScopeTrueOrderByName();

	List<AccessSystem> findByOwnerIdOrderByName(PersonId ownerId);

	long count();

	List<AccessSystem> findByIdIn(Collection<SystemId> ids);

	@Query("""
			select s from AccessSystem s
			where (:text is null or lower(s.name) like :text escape '\\' or lower(s.description) like :text escape '\\')
			  and (:kind is null or s.kind = :kind)
			""")
	Page<AccessSystem> search(@Param("text") String likePattern, @Param("kind") SystemKind kind, Pageable pageable);

}
