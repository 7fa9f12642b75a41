package io.trunkguard.people;

import io.trunkguard.shared.InvalidStateException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonTest {

	static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
	static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
	static final Validator VALIDATOR = VALIDATION.getValidator();

	@AfterAll
	static void closeValidation() {
		VALIDATION.close();
	}

	static PersonDetails details(EmploymentType type, LocalDate end) {
		return new PersonDetails("HR-1", "Ada Example", "ada@example.test", "ada", null, "NOC", type,
				LocalDate.of(2024, 1, 1), end);
	}

	@Test
	void registersAnActivePersonWithAnEvent() {
		Person person = Person.register(PersonId.random(), details(EmploymentType.EMPLOYEE, null), "admin", NOW);

		assertThat(person.isActive()).isTrue();
		assertThat(person.pendingEvents()).singleElement().isInstanceOf(PersonRegistered.class);
	}

	@Test
	void updateNamesTheChangedFieldsAndIgnoresNoChange() {
		Person person = Person.register(PersonId.random(), details(EmploymentType.EMPLOYEE, null), "admin", NOW);
		person.forgetEvents();

		assertThat(person.update(details(EmploymentType.EMPLOYEE, null), "admin", NOW)).isEmpty();
		assertThat(person.pendingEvents()).isEmpty();

		assertThat(person.update(details(EmploymentType.CONTRACTOR, LocalDate.of(2026, 12, 31)), "admin", NOW))
			.containsExactly("employmentType", "endDate");
		assertThat(person.pendingEvents()).singleElement()
			.isInstanceOfSatisfying(PersonChanged.class,
					event -> assertThat(event.changedFields()).containsExactly("employmentType", "endDate"));
	}

	@Test
	void refusesToBeTheirOwnManager() {
		PersonId id = PersonId.random();
		PersonDetails self = new PersonDetails("HR-1", "Ada", "ada@example.test", null, id, null,
				EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null);

		assertThatThrownBy(() -> Person.register(id, self, "admin", NOW)).isInstanceOf(InvalidStateException.class);
	}

	@Test
	void leavesOnceAndNotBeforeStarting() {
		Person person = Person.register(PersonId.random(), details(EmploymentType.EMPLOYEE, null), "admin", NOW);

		assertThatThrownBy(() -> person.markLeft(LocalDate.of(2023, 12, 31), "hr", NOW))
			.isInstanceOf(InvalidStateException.class);
		person.markLeft(LocalDate.of(2026, 11, 20), "hr", NOW);
		assertThat(person.getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);
		assertThat(person.pendingEvents()).last().isInstanceOf(PersonLeft.class);
		assertThatThrownBy(() -> person.markLeft(LocalDate.of(2026, 11, 21), "hr", NOW))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("already left");
	}

	@Test
	void isPastEndDateOnlyWhileStillActive() {
		Person contractor = Person.register(PersonId.random(),
				details(EmploymentType.CONTRACTOR, LocalDate.of(2026, 10, 31)), "admin", NOW);

		assertThat(contractor.isPastEndDate(LocalDate.of(2026, 11, 1))).isTrue();
		assertThat(contractor.isPastEndDate(LocalDate.of(2026, 10, 31))).isFalse();
		contractor.markLeft(LocalDate.of(2026, 10, 31), "hr", NOW);
		assertThat(contractor.isPastEndDate(LocalDate.of(2026, 11, 1))).isFalse();
	}

	@Test
	void validationExplainsEachBrokenRule() {
		PersonDetails bad = new PersonDetails("HR 1", "", "nope", "Bad Name", null, null, EmploymentType.CONTRACTOR,
				LocalDate.of(2024, 1, 1), null);

		Set<ConstraintViolation<PersonDetails>> violations = VALIDATOR.validate(bad);

		assertThat(violations).extracting(v -> v.getPropertyPath().toString())
			.containsExactlyInAnyOrder("hrId", "fullName", "email", "username", "contractorEndDateGiven");
		PersonDetails endsBeforeStart = new PersonDetails("HR-1", "Ada", "ada@example.test", null, null, null,
				EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1));
		assertThat(VALIDATOR.validate(endsBeforeStart)).extracting(ConstraintViolation::getMessage)
			.containsExactly("the end date must not be before the start date");
		assertThat(VALIDATOR.validate(details(EmploymentType.EMPLOYEE, null))).isEmpty();
	}

}
