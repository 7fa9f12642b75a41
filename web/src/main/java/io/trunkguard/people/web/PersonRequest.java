package io.trunkguard.people.web;

import java.time.LocalDate;
import java.util.UUID;

import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonId;

/**
 * What a client sends to register or update a person; validated by the people module.
 *
 * @param version on update, the version the client read: refused with 409 if someone
 * changed it since (optional)
 */
record PersonRequest(Long version, String hrId, String fullName, String email, String username, UUID managerId,
		String department, EmploymentType employmentType, LocalDate startDate, LocalDate endDate) {

	PersonDetails toDetails() {
		return new PersonDetails(trim(hrId), trim(fullName), trim(email), blankToNull(username),
				managerId == null ? null : new PersonId(managerId), blankToNull(department), employmentType, startDate,
				endDate);
	}

	static String trim(String text) {
		return text == null ? null : text.trim();
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
