package io.trunkguard.notification;

import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whom a message goes to, resolved from people by username; never an exception, never a
 * silent drop.
 */
class RecipientsTest {

	final Map<String, Person> people = new HashMap<>();

	Person person(String username, String name) {
		Person p = Person
			.register(
					PersonId.random(), new PersonDetails("HR-" + username, name, username + "@example.test", username,
							null, "Security", EmploymentType.EMPLOYEE, LocalDate.of(2020, 1, 1), null),
					"tester", Instant.now());
		people.put(username, p);
		return p;
	}

	Recipients recipients(String... leads) {
		return new Recipients(username -> Optional.ofNullable(people.get(username)), List.of(leads));
	}

	@Test
	void resolvesAUsernameToThePersonsNameAndAddress() {
		person("olga", "Olga Owner");

		assertThat(recipients().person("olga")).isEqualTo(new Recipient("olga", "Olga Owner", "olga@example.test"));
	}

	@Test
	void keepsAnUnknownUsernameAsARecipientWithoutAddress() {
		Recipient unknown = recipients().person("ghost");

		assertThat(unknown).isEqualTo(new Recipient("ghost", "ghost", null));
		assertThat(unknown.describe()).isEqualTo("ghost (ghost)");
	}

	@Test
	void sendsTheComplianceLeadGroupToEveryActiveConfiguredLeadOnce() {
		person("priya", "Priya Natarajan");
		person("sam", "Sam Lead");
		person("gone", "Gone Lead").markLeft(LocalDate.now().minusDays(3), "tester", Instant.now());

		List<Recipient> leads = recipients("priya", "gone", "sam", "priya", "nobody").target("group:compliance-lead");

		assertThat(leads).extracting(Recipient::username).containsExactly("priya", "sam");
		assertThat(leads).extracting(Recipient::email).containsExactly("priya@example.test", "sam@example.test");
	}

	@Test
	void keepsTheGroupAsARecipientWithoutAddressWhenNoLeadIsAnActivePerson() {
		List<Recipient> leads = recipients("nobody").complianceLeads();

		assertThat(leads).singleElement().satisfies(r -> {
			assertThat(r.email()).isNull();
			assertThat(r.name()).contains("[nobody]").contains("trunkguard.notification.compliance-leads");
		});
	}

	@Test
	void treatsAPlainTargetAsAUsernameAndAnUnknownGroupAsUndeliverable() {
		person("manny", "Manny Manager");

		assertThat(recipients("priya").target("manny"))
			.containsExactly(new Recipient("manny", "Manny Manager", "manny@example.test"));
		assertThat(recipients("priya").target("group:auditors")).singleElement()
			.satisfies(r -> assertThat(r.email()).isNull());
		assertThat(Recipients.isGroup("group:compliance-lead")).isTrue();
		assertThat(Recipients.isGroup("compliance-lead")).isFalse();
	}

}
