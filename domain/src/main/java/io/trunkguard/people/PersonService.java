package io.trunkguard.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use cases on people. Every change is written to the audit trail in the same transaction
 * (through the events the aggregate registers). {@code actor} is the username (or machine
 * client) doing the change. Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.ConflictException} (duplicate HR id or username),
 * {@link io.trunkguard.shared.InvalidStateException},
 * {@link jakarta.validation.ConstraintViolationException} for invalid details.
 */
public interface PersonService {

	Person register(@Valid @NotNull PersonDetails details, @NotBlank String actor);

	Person update(@NotNull PersonId id, @Valid @NotNull PersonDetails details, @NotBlank String actor);

	/**
	 * Updates only if the stored version is still {@code expectedVersion} (the one the
	 * edit form showed), else {@link io.trunkguard.shared.StaleVersionException}: two
	 * people editing at once do not overwrite each other.
	 */
	Person update(@NotNull PersonId id, Long expectedVersion, @Valid @NotNull PersonDetails details,
			@NotBlank String actor);

	/**
	 * Marks the person as having left on {@code lastDay}; publishes {@link PersonLeft}.
	 */
	Person markLeft(@NotNull PersonId id, @NotNull LocalDate lastDay, @NotBlank String actor);

	/** The person, or {@link io.trunkguard.shared.NotFoundException}. */
	Person get(PersonId id);

	Optional<Person> findByUsername(String username);

	Optional<Person> findByHrId(String hrId);

	Page<Person> search(PersonSearch search, Pageable pageable);

	List<Person> directReports(PersonId managerId);

	List<String> departments();

	/**
	 * The people with the given ids, by id (unknown ids are left out): to show names in
	 * lists without N+1 queries.
	 */
	Map<PersonId, Person> byIds(Collection<PersonId> ids);

}
