package io.trunkguard.access.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;

/** Names of the people and systems a page shows, looked up once per page. */
public final class Names {

	private final PersonService people;

	private final Map<SystemId, AccessSystem> systems;

	private final Map<PersonId, Person> persons = new HashMap<>();

	Names(PersonService people, AccessService access) {
		this.people = people;
		this.systems = access.allSystems().stream().collect(Collectors.toMap(AccessSystem::getId, Function.identity()));
	}

	public String person(PersonId id) {
		if (id == null) {
			return "—";
		}
		return persons.computeIfAbsent(id, people::get).getFullName();
	}

	/** Looks up the people of a whole page in one query. */
	Names prefetch(java.util.Collection<PersonId> ids) {
		persons.putAll(people.byIds(ids));
		return this;
	}

	public String system(SystemId id) {
		AccessSystem system = id == null ? null : systems.get(id);
		return system == null ? "—" : system.getName();
	}

}
