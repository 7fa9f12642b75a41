package io.trunkguard.people;

import io.trunkguard.TestData;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** People against a real database; run on H2 and PostgreSQL by the subclasses. */
abstract class PeoplePersistenceIntegrationTests {

	@Autowired
	PersonService people;

	@Autowired
	People repository;

	@Autowired
	AuditEntries auditEntries;

	@Autowired
	AccountBindings bindings;

	@Test
	void refusesToMoveALoginAccountByEditingTheDetails() {
		Person lead = people.register(TestData.employee("Lena Lead", null), "admin");
		Person reviewer = people.register(TestData.employee("Rudi Reviewer", null), "admin");
		PersonDetails d = reviewer.details();
		PersonDetails moved = new PersonDetails(d.hrId(), d.fullName(), d.email(), "some-free-login", d.managerId(),
				d.department(), d.employmentType(), d.startDate(), d.endDate());

		assertThatThrownBy(() -> people.update(reviewer.getId(), moved, lead.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("request the change of account binding");
		assertThat(people.get(reviewer.getId()).getUsername()).isEqualTo(reviewer.getUsername());
	}

	@Test
	void bindsALoginAccountOnlyWhenASecondLeadApprovesAndAuditsEveryStep() {
		Person lead = people.register(TestData.employee("Lena Lead", null), "admin");
		Person second = people.register(TestData.employee("Sam Second", null), "admin");
		Person reviewer = people.register(TestData.employee("Rudi Reviewer", null), "admin");
		String newLogin = "r-" + reviewer.getUsername();

		AccountBindingRequest request = bindings.request(reviewer.getId(), newLogin, "renamed in the directory",
				lead.getUsername());
		assertThat(people.get(reviewer.getId()).getUsername()).as("pending: nothing changed yet")
			.isEqualTo(reviewer.getUsername());
		assertThatThrownBy(() -> bindings.approve(request.getId(), lead.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("cannot decide it");
		assertThatThrownBy(() -> bindings.approve(request.getId(), reviewer.getUsername()))
			.as("the person moved cannot approve it either")
			.isInstanceOf(InvalidStateException.class);

		bindings.approve(request.getId(), second.getUsername());

		assertThat(people.get(reviewer.getId()).getUsername()).isEqualTo(newLogin);
		assertThat(auditEntries.search(null, null, "Person", reviewer.getId().toString(), null, null,
				org.springframework.data.domain.Pageable.ofSize(20)))
			.extracting(AuditEntry::getAction)
			.contains("ACCOUNT_BINDING_REQUESTED", "ACCOUNT_BINDING_APPROVED", "PERSON_CHANGED");
		assertThatThrownBy(() -> bindings.reject(request.getId(), "late", second.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("already approved");
	}

	@Test
	void refusesABindingRequestThatMovesTheRequestersOwnAccount() {
		Person lead = people.register(TestData.employee("Lena Lead", null), "admin");
		Person reviewer = people.register(TestData.employee("Rudi Reviewer", null), "admin");

		assertThatThrownBy(
				() -> bindings.request(lead.getId(), "lead-elsewhere", "moving myself away", lead.getUsername()))
			.isInstanceOf(InvalidStateException.class);
		assertThatThrownBy(() -> bindings.request(reviewer.getId(), lead.getUsername(), "take over", "admin"))
			.as("the login is bound to another person")
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> bindings.request(reviewer.getId(), "free-login-x", "to myself", "free-login-x"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("own login account");
	}

	@Test
	void personRoundTrips() {
		Person manager = people.register(TestData.employee("Maria Manager", null), "admin");
		String hrId = TestData.unique("CTR");
		PersonDetails details = new PersonDetails(hrId, "Chris Contractor", "chris@example.test", null, manager.getId(),
				"Voice Engineering", EmploymentType.CONTRACTOR, LocalDate.of(2025, 1, 6), LocalDate.of(2026, 6, 30));

		Person registered = people.register(details, "admin");
		Person loaded = people.get(registered.getId());

		assertThat(loaded.details()).isEqualTo(details);
		assertThat(loaded.getEmploymentStatus()).isEqualTo(EmploymentStatus.ACTIVE);
		assertThat(loaded.getVersion()).isZero();
		assertThat(loaded.getCreatedAt()).isNotNull();
		assertThat(people.findByHrId(hrId)).contains(loaded);
		assertThat(people.directReports(manager.getId())).containsExactly(loaded);
		AuditEntry entry = latestEntryFor(registered.getId());
		assertThat(entry.getAction()).isEqualTo("PERSON_REGISTERED");
		assertThat(entry.getActor()).isEqualTo("admin");
		assertThat(entry.getDetails()).contains("\"hrId\":\"" + hrId + "\"");
	}

	@Test
	void findsByUsername() {
		Person person = people.register(TestData.employee("Una Username", null), "admin");

		assertThat(people.findByUsername(person.getUsername())).contains(person);
		assertThat(people.findByUsername("nobody-" + person.getUsername())).isEmpty();
	}

	@Test
	void rejectsDuplicateHrIdAndUsername() {
		Person person = people.register(TestData.employee("Dana Duplicate", null), "admin");
		PersonDetails sameHrId = new PersonDetails(person.getHrId(), "Other", "other@example.test", null, null, null,
				EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null);
		PersonDetails sameUsername = new PersonDetails(TestData.unique("T"), "Other", "other@example.test",
				person.getUsername(), null, null, EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null);

		assertThatThrownBy(() -> people.register(sameHrId, "admin")).isInstanceOf(ConflictException.class)
			.hasMessageContaining(person.getHrId());
		assertThatThrownBy(() -> people.register(sameUsername, "admin")).isInstanceOf(ConflictException.class)
			.hasMessageContaining(person.getUsername());
	}

	@Test
	void rejectsInvalidDetailsAndStoresNothing() {
		long before = repository.count();
		String hrId = TestData.unique("T");
		PersonDetails invalid = new PersonDetails(hrId, " ", "not-an-email", "Upper Case", null, null,
				EmploymentType.CONTRACTOR, LocalDate.of(2025, 1, 1), null);

		assertThatThrownBy(() -> people.register(invalid, "admin")).isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("fullName")
			.hasMessageContaining("email")
			.hasMessageContaining("username")
			.hasMessageContaining("contractor needs a contract end date");
		assertThat(repository.count()).isEqualTo(before);
		assertThat(people.findByHrId(hrId)).isEmpty();
	}

	@Test
	void rejectsUnknownManager() {
		PersonDetails details = TestData.employee("Nina Nomanager", PersonId.random());

		assertThatThrownBy(() -> people.register(details, "admin")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void updatesAndAuditsOnlyRealChanges() {
		Person person = people.register(TestData.employee("Ulrich Update", null), "admin");
		PersonDetails d = person.details();
		PersonDetails moved = new PersonDetails(d.hrId(), d.fullName(), d.email(), d.username(), d.managerId(),
				"Voice Engineering", d.employmentType(), d.startDate(), d.endDate());

		people.update(person.getId(), moved, "compliance-lead");
		long entries = auditEntries.count();
		people.update(person.getId(), moved, "compliance-lead");

		Person loaded = people.get(person.getId());
		assertThat(loaded.getDepartment()).isEqualTo("Voice Engineering");
		assertThat(loaded.getVersion()).isEqualTo(1L);
		assertThat(auditEntries.count()).as("an update without changes writes nothing").isEqualTo(entries);
		AuditEntry entry = latestEntryFor(person.getId());
		assertThat(entry.getAction()).isEqualTo("PERSON_CHANGED");
		assertThat(entry.getDetails()).contains("\"changedFields\":[\"department\"]");
	}

	@Test
	void refusesAnEditBasedOnAStaleVersion() {
		Person person = people.register(TestData.employee("Stella Stale", null), "admin");
		PersonDetails d = person.details();
		PersonDetails first = new PersonDetails(d.hrId(), "Stella First", d.email(), d.username(), null, d.department(),
				d.employmentType(), d.startDate(), null);
		PersonDetails second = new PersonDetails(d.hrId(), "Stella Second", d.email(), d.username(), null,
				d.department(), d.employmentType(), d.startDate(), null);

		people.update(person.getId(), 0L, first, "admin");

		assertThatThrownBy(() -> people.update(person.getId(), 0L, second, "compliance-lead"))
			.isInstanceOf(StaleVersionException.class)
			.isInstanceOf(ConflictException.class);
		assertThat(people.get(person.getId()).getFullName()).isEqualTo("Stella First");
	}

	@Test
	void marksALeaverOnceOnly() {
		Person person = people.register(TestData.employee("Lena Leaver", null), "admin");

		people.markLeft(person.getId(), LocalDate.of(2026, 10, 31), "client:hr-webhook");

		assertThatThrownBy(() -> people.markLeft(person.getId(), LocalDate.of(2026, 11, 1), "client:hr-webhook"))
			.isInstanceOf(InvalidStateException.class);
		Person loaded = people.get(person.getId());
		assertThat(loaded.getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);
		assertThat(loaded.getEndDate()).isEqualTo(LocalDate.of(2026, 10, 31));
		AuditEntry entry = latestEntryFor(person.getId());
		assertThat(entry.getAction()).isEqualTo("PERSON_LEFT");
		assertThat(entry.getActor()).isEqualTo("client:hr-webhook");
	}

	@Test
	void searchesCaseInsensitivelyWithPaging() {
		String marker = TestData.unique("Zq");
		for (int i = 0; i < 5; i++) {
			String hrId = TestData.unique("T");
			people.register(new PersonDetails(hrId, "Sam " + marker + " " + i, hrId.toLowerCase() + "@example.test",
					null, null, "Support", EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null), "admin");
		}
		Person leaver = people.register(new PersonDetails(TestData.unique("T"), "Left " + marker, "left@example.test",
				null, null, "Support", EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null), "admin");
		people.markLeft(leaver.getId(), LocalDate.of(2025, 1, 1), "admin");

		Page<Person> page = people.search(PersonSearch.text(marker.toUpperCase()), PageRequest.of(0, 4));
		assertThat(page.getTotalElements()).isEqualTo(6);
		assertThat(page.getContent()).hasSize(4);
		Page<Person> active = people.search(new PersonSearch(marker, EmploymentStatus.ACTIVE, "Support"),
				PageRequest.of(0, 10));
		assertThat(active.getTotalElements()).isEqualTo(5);
		assertThat(people.departments()).contains("Support");
	}

	@Test
	void treatsWildcardsInTheSearchTextLiterally() {
		String marker = TestData.unique("Wc");
		Person percent = people.register(new PersonDetails(TestData.unique("T"), marker + " 50%_off", "p@example.test",
				null, null, null, EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null), "admin");
		people.register(new PersonDetails(TestData.unique("T"), marker + " 50XYoff", "q@example.test", null, null, null,
				EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null), "admin");

		assertThat(people.search(PersonSearch.text("50%_off"), PageRequest.of(0, 10)).getContent())
			.filteredOn(p -> p.getFullName().startsWith(marker))
			.containsExactly(percent);
		assertThat(people.search(PersonSearch.text(marker), PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
	}

	@Test
	void unknownPersonIsNotFound() {
		assertThatThrownBy(() -> people.get(PersonId.random())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> people.markLeft(PersonId.random(), LocalDate.now(), "admin"))
			.isInstanceOf(NotFoundException.class);
	}

	private AuditEntry latestEntryFor(PersonId id) {
		List<AuditEntry> found = auditEntries
			.search(null, null, "Person", id.toString(), null, null, PageRequest.of(0, 1))
			.getContent();
		assertThat(found).isNotEmpty();
		return found.get(0);
	}

}
