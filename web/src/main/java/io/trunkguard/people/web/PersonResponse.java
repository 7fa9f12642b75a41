package io.trunkguard.people.web;

import java.time.LocalDate;

import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;

/** A person as the API shows it. */
record PersonResponse(String id, String hrId, String fullName, String email, String username, String managerId,
		String department, EmploymentType employmentType, EmploymentStatus employmentStatus, LocalDate startDate,
		LocalDate endDate, long version) {

	static PersonResponse of(Person person) {
		return new PersonResponse(person.getId().toString(), person.getHrId(), person.getFullName(), person.getEmail(),
				person.getUsername(), person.getManagerId() == null ? null : person.getManagerId().toString(),
				person.getDepartment(), person.getEmploymentType(), person.getEmploymentStatus(), person.getStartDate(),
				person.getEndDate(), person.getVersion() == null ? 0 : person.getVersion());
	}
}
