package io.trunkguard.access;

import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.People;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import jakarta.persistence.criteria.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
class DefaultAccessService implements AccessService {

	private final Systems systems;

	private final Grants grants;

	private final People people;

	private final Clock clock;

	DefaultAccessService(Systems systems, Grants grants, People people, ObjectProvider<Clock> clock) {
		this.systems = systems;
		this.grants = grants;
		this.people = people;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public AccessSystem registerSystem(SystemDetails details, String actor) {
		if (systems.existsByName(details.name())) {
			throw new ConflictException("system.duplicate-name",
					"A system named " + details.name() + " already exists.");
		}
		requirePerson(details.ownerId());
		return systems.save(AccessSystem.register(SystemId.random(), details, actor, now()));
	}

	@Override
	public AccessSystem updateSystem(SystemId id, SystemDetails details, String actor) {
		return updateSystem(id, null, details, actor);
	}

	@Override
	public AccessSystem updateSystem(SystemId id, Long expectedVersion, SystemDetails details, String actor) {
		AccessSystem system = getSystem(id);
		StaleVersionException.check("System", id, expectedVersion, system.getVersion());
		if (!system.getName().equals(details.name()) && systems.existsByName(details.name())) {
			throw new ConflictException("system.duplicate-name",
					"A system named " + details.name() + " already exists.");
		}
		requirePerson(details.ownerId());
		system.update(details, actor, now());
		return systems.save(system);
	}

	@Override
	@Transactional(readOnly = true)
	public AccessSystem getSystem(SystemId id) {
		return systems.findById(id).orElseThrow(() -> new NotFoundException("System", id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccessSystem> findSystemByName(String name) {
		return systems.findByName(name);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccessSystem> allSystems() {
		return systems.findAllByOrderByName();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccessSystem> systemsInReviewScope() {
		return systems.findByInReviewScopeTrueOrderByName();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AccessSystem> searchSystems(String text, SystemKind kind, Pageable pageable) {
		return systems.search(likePattern(text), kind, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<SystemId, AccessSystem> systemsByIds(Collection<SystemId> ids) {
		if (ids == null || ids.isEmpty()) {
			return Map.of();
		}
		return systems.findByIdIn(Set.copyOf(ids))
			.stream()
			.collect(Collectors.toMap(AccessSystem::getId, Function.identity()));
	}

	@Override
	public AccessGrant issueGrant(NewGrant grant, String actor) {
		Person person = requirePerson(grant.personId());
		if (person.getEmploymentStatus() == EmploymentStatus.LEFT) {
			throw new InvalidStateException("grant.holder-left",
					person.getFullName() + " has left: no new access can be granted.");
		}
		if (!systems.existsById(grant.systemId())) {
			throw new NotFoundException("System", grant.systemId());
		}
		String entitlement = grant.entitlement().strip();
		if (grants.existsByPersonIdAndSystemIdAndEntitlementAndStatus(grant.personId(), grant.systemId(), entitlement,
				GrantStatus.ACTIVE)) {
			throw new ConflictException("grant.duplicate",
					person.getFullName() + " already holds an active " + entitlement + " grant on that system.");
		}
		Instant now = now();
		Instant grantedAt = grant.grantedAt() != null ? grant.grantedAt() : now;
		return grants.save(AccessGrant.issue(GrantId.random(), grant.personId(), grant.systemId(), entitlement,
				grant.privileged(), grantedAt, actor, grant.lastUsedAt(), now));
	}

	@Override
	public AccessGrant revokeGrant(GrantId id, String reason, String actor) {
		AccessGrant grant = getGrant(id);
		grant.revoke(reason, actor, clock);
		return grants.save(grant);
	}

	@Override
	public AccessGrant reduceGrant(GrantId id, String newEntitlement, boolean privileged, String reason, String actor) {
		AccessGrant grant = getGrant(id);
		grant.reduce(newEntitlement, privileged, reason, actor, clock);
		return grants.save(grant);
	}

	@Override
	public AccessGrant recordGrantUse(GrantId id, Instant usedAt) {
		AccessGrant grant = getGrant(id);
		grant.recordUse(usedAt);
		return grants.save(grant);
	}

	@Override
	@Transactional(readOnly = true)
	public AccessGrant getGrant(GrantId id) {
		return grants.findById(id).orElseThrow(() -> new NotFoundException("Grant", id));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AccessGrant> searchGrants(GrantQuery query, Pageable pageable) {
		return grants.findAll(specification(query == null ? GrantQuery.all() : query), pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccessGrant> activeGrantsOf(PersonId personId) {
		return grants.findByPersonIdAndStatus(personId, GrantStatus.ACTIVE);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccessGrant> activeGrantsOf(java.util.Collection<PersonId> personIds) {
		return personIds.isEmpty() ? List.of() : grants.findByPersonIdInAndStatus(personIds, GrantStatus.ACTIVE);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccessGrant> activeGrantsOn(SystemId systemId) {
		return grants.findBySystemIdAndStatus(systemId, GrantStatus.ACTIVE);
	}

	static Specification<AccessGrant> specification(GrantQuery query) {
		return (root, criteriaQuery, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (query.personId() != null) {
				predicates.add(cb.equal(root.get("personId"), query.personId()));
			}
			if (query.systemId() != null) {
				predicates.add(cb.equal(root.get("systemId"), query.systemId()));
			}
			if (query.status() != null) {
				predicates.add(cb.equal(root.get("status"), query.status()));
			}
			if (query.privileged() != null) {
				predicates.add(cb.equal(root.get("privileged"), query.privileged()));
			}
			if (query.unusedSince() != null) {
				predicates.add(cb.lessThan(cb.coalesce(root.<Instant>get("lastUsedAt"), root.<Instant>get("grantedAt")),
						query.unusedSince()));
			}
			String like = likePattern(query.text());
			if (like != null) {
				predicates.add(cb.like(cb.lower(root.get("entitlement")), like, '\\'));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

	private Person requirePerson(PersonId id) {
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static String likePattern(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
