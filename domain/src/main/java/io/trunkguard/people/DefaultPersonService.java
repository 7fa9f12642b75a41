package io.trunkguard.people;

import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Optional;

@Service
@Validated
@Transactional
class DefaultPersonService implements PersonService {

	private final People people;

	private final Clock clock;

	DefaultPersonService(People people, ObjectProvider<Clock> clock) {
		this.people = people;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Person register(PersonDetails details, String actor) {
		if (people.existsByHrId(details.hrId())) {
			throw new ConflictException("person.duplicate-hr-id",
					"A person with HR id " + details.hrId() + " already exists.");
		}
		if (details.username() != null && people.existsByUsername(details.username())) {
			throw new ConflictException("person.duplicate-username",
					"The username " + details.username() + " is taken.");
		}
		requireManager(details.managerId());
		return people.save(Person.register(PersonId.random(), details, actor, now()));
	}

	@Override
	public Person update(PersonId id, PersonDetails details, String actor) {
		return update(id, null, details, actor);
	}

	@Override
	public Person update(PersonId id, Long expectedVersion, PersonDetails details, String actor) {
		Person person = get(id);
		StaleVersionException.check("Person", id, expectedVersion, person.getVersion());
		if (!details.hrId().equals(person.getHrId()) && people.existsByHrId(details.hrId())) {
			throw new ConflictException("person.duplicate-hr-id",
					"A person with HR id " + details.hrId() + " already exists.");
		}
		if (details.username() != null && !details.username().equals(person.getUsername())
				&& people.existsByUsername(details.username())) {
			throw new ConflictException("person.duplicate-username",
					"The username " + details.username() + " is taken.");
		}
		requireManager(details.managerId());
		person.update(details, actor, now());
		return people.save(person);
	}

	@Override
	public Person markLeft(PersonId id, LocalDate lastDay, String actor) {
		Person person = get(id);
		person.markLeft(lastDay, actor, now());
		return people.save(person);
	}

	@Override
	@Transactional(readOnly = true)
	public Person get(PersonId id) {
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> findByUsername(String username) {
		return username == null ? Optional.empty() : people.findByUsername(username);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> findByHrId(String hrId) {
		return hrId == null ? Optional.empty() : people.findByHrId(hrId);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Person> search(PersonSearch search, Pageable pageable) {
		PersonSearch criteria = search == null ? PersonSearch.all() : search;
		return people.search(likePattern(criteria.text()), criteria.status(), blankToNull(criteria.department()),
				pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Person> directReports(PersonId managerId) {
		return people.findByManagerIdOrderByFullName(managerId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> departments() {
		return people.findDepartments();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<PersonId, Person> byIds(Collection<PersonId> ids) {
		if (ids == null || ids.isEmpty()) {
			return Map.of();
		}
		return people.findByIdIn(Set.copyOf(ids))
			.stream()
			.collect(Collectors.toMap(Person::getId, Function.identity()));
	}

	private void requireManager(PersonId managerId) {
		if (managerId != null && !people.existsById(managerId)) {
			throw new NotFoundException("Person", managerId);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static String likePattern(String text) {
		String trimmed = blankToNull(text);
		if (trimmed == null) {
			return null;
		}
		String escaped = trimmed.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
