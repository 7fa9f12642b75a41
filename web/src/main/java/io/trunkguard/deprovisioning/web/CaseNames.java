package io.trunkguard.deprovisioning.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.trunkguard.access.AccessService;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.NotFoundException;

/**
 * The names a person reads on the deprovisioning pages, in templates as
 * {@code ${@caseNames...}}: the leaver by name (with the HR id beside it), and what a
 * task asks for in words, naming the role, the person and the system.
 */
@Component("caseNames")
public class CaseNames {

	private final PersonService people;

	private final AccessService access;

	CaseNames(PersonService people, AccessService access) {
		this.people = people;
		this.access = access;
	}

	/**
	 * The leaver's name, or the HR id when the person is not (or no longer) on record.
	 */
	public String leaver(DeprovisioningCase c) {
		if (c.getPersonId() != null) {
			try {
				return people.get(c.getPersonId()).getFullName();
			}
			catch (NotFoundException e) {
				// fall through to the HR id
			}
		}
		return c.getHrId();
	}

	/** "Marco Bellini (HR-1014)". */
	public String leaverWithHrId(DeprovisioningCase c) {
		return withHrId(leaver(c), c);
	}

	/**
	 * "Marco Bellini (HR-1014)" for every case of a list, its people read in one query (a
	 * list of many cases costs no more statements than a list of a few).
	 */
	public Map<DeprovisioningCaseId, String> leaversWithHrIds(Collection<DeprovisioningCase> cases) {
		Map<PersonId, Person> byId = people.byIds(cases.stream()
			.map(DeprovisioningCase::getPersonId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		Map<DeprovisioningCaseId, String> names = new HashMap<>();
		for (DeprovisioningCase c : cases) {
			Person person = c.getPersonId() == null ? null : byId.get(c.getPersonId());
			names.put(c.getId(), withHrId(person == null ? c.getHrId() : person.getFullName(), c));
		}
		return names;
	}

	private static String withHrId(String name, DeprovisioningCase c) {
		return name.equals(c.getHrId()) ? name : name + " (" + c.getHrId() + ")";
	}

	/**
	 * The role or entitlement a removal task is about, or null for a task about the whole
	 * case.
	 */
	public String entitlement(DeprovisioningTask task) {
		if (task.grantId() == null) {
			return null;
		}
		try {
			return access.getGrant(task.grantId()).getEntitlement();
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	/**
	 * What the task asks, naming role, person and system: "Remove the role sbc-admin of
	 * Marco Bellini on Edge SBC Cluster".
	 */
	public String title(DeprovisioningTask task, DeprovisioningCase c) {
		String entitlement = entitlement(task);
		String person = leaver(c);
		return switch (task.kind()) {
			case INVESTIGATE -> "Investigate the access " + person + " still holds";
			case REMOVE_ESCALATED,
					REMOVE_MANUALLY ->
				"Remove " + (entitlement == null ? "the access" : "the role " + entitlement) + " of " + person
						+ (task.systemName() == null ? "" : " on " + task.systemName())
						+ (task.kind() == DeprovisioningTask.Kind.REMOVE_ESCALATED ? " (escalated: the SLA was missed)"
								: "");
		};
	}

}
