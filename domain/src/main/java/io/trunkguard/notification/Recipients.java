package io.trunkguard.notification;

import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds whom to write to, through the people module: a username becomes the person's name
 * and address; the compliance lead group becomes every configured compliance lead who is
 * an active person. Never fails: an unknown recipient comes back without an address, so
 * the message is kept as FAILED with the reason instead of being lost.
 */
@Component
class Recipients {

	/** How the review module names the compliance lead group as an escalation target. */
	static final String GROUP_PREFIX = "group:";
	static final String COMPLIANCE_LEAD_GROUP = "compliance-lead";

	private final Function<String, Optional<Person>> byUsername;

	private final List<String> complianceLeads;

	@Autowired
	Recipients(PersonService people, NotificationProperties properties) {
		this(people::findByUsername, properties.complianceLeads());
	}

	Recipients(Function<String, Optional<Person>> byUsername, List<String> complianceLeads) {
		this.byUsername = byUsername;
		this.complianceLeads = List.copyOf(new LinkedHashSet<>(complianceLeads));
	}

	/**
	 * The person with this username, or a recipient without address when there is none.
	 */
	Recipient person(String username) {
		return byUsername.apply(username)
			.filter(p -> p.getEmail() != null && !p.getEmail().isBlank())
			.map(p -> new Recipient(username, p.getFullName(), p.getEmail()))
			.orElseGet(() -> Recipient.unknown(username));
	}

	/**
	 * The active compliance leads; when none is an active person with an address, one
	 * recipient without address that says so (the message is kept as FAILED and shows on
	 * the outbox page).
	 */
	List<Recipient> complianceLeads() {
		List<Recipient> leads = complianceLeads.stream()
			.map(byUsername)
			.flatMap(Optional::stream)
			.filter(Person::isActive)
			.filter(p -> p.getEmail() != null && !p.getEmail().isBlank())
			.map(p -> new Recipient(p.getUsername(), p.getFullName(), p.getEmail()))
			.toList();
		if (leads.isEmpty()) {
			return List.of(new Recipient(null,
					"the compliance leads " + complianceLeads + " (trunkguard.notification.compliance-leads)", null));
		}
		return leads;
	}

	/**
	 * An escalation target: a username, or a group ({@code group:compliance-lead}); a
	 * group Trunkguard has no members for comes back as a recipient without address.
	 */
	List<Recipient> target(String usernameOrGroup) {
		if (isGroup(usernameOrGroup)) {
			String group = usernameOrGroup.substring(GROUP_PREFIX.length());
			return COMPLIANCE_LEAD_GROUP.equals(group) ? complianceLeads()
					: List.of(new Recipient(null, "group " + group, null));
		}
		return List.of(person(usernameOrGroup));
	}

	/** Whether the target is a group rather than one person. */
	static boolean isGroup(String usernameOrGroup) {
		return usernameOrGroup.startsWith(GROUP_PREFIX);
	}

}
