package io.trunkguard.people;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Repository of {@link Person} aggregates. People are never deleted: they leave. */
public interface People extends Repository<Person, PersonId> {

	Person save(Person person);

	Optional<Person> findById(PersonId id);

	List<Person> findAllById(Iterable<PersonId> ids);

	boolean existsById(PersonId id);

	Optional<Person> findByHrId(String hrId);

	/**
	 * The person bound to a login. Written out rather than derived: Hibernate caches the
	 * translation of a query string, and translated a derived (criteria) query on every
	 * call, about a quarter of a review decision's CPU (docs/performance.md, durable
	 * writes).
	 */
	@Query("select p from Person p where p.username = :username")
	Optional<Person> findByUsername(@Param("username") String username);

	boolean existsByHrId(String hrId);

	boolean existsByUsername(String username);

	List<Person> findByManagerIdOrderByFullName(PersonId managerId);

	List<Person> findByEmploymentStatusOrderByFullName(EmploymentStatus status);

	Page<Person> findAll(Pageable pageable);

	List<Person> findAllByOrderByFullName();

	long count();

	long countByEmploymentStatus(EmploymentStatus status);

	/**
	 * People whose name, HR id, email, username or department contains {@code text}
	 * (case-insensitive), optionally restricted to a status and a department.
	 */
	@Query("""
			select p from Person p
			where (:text is null
			       or lower(p.fullName) like :text escape '\\' or lower(p.hrId) like :text escape '\\' or lower(p.email) like :text escape '\\'
			       or lower(p.username) like :text escape '\\' or lower(p.department) like :text escape '\\')
			  and (:status is null or p.employmentStatus = :status)
			  and (:department is null or p.department = :department)
			""")
	Page<Person> search(@Param("text") String likePattern, @Param("status") EmploymentStatus status,
			@Param("department") String department, Pageable pageable);

	@Query("select distinct p.department from Person p where p.department is not null order by p.department")
	List<String> findDepartments();

	List<Person> findByIdIn(Collection<PersonId> ids);

}
