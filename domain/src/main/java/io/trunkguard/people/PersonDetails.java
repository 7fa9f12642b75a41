package io.trunkguard.people;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * What a caller may set on a person (register or update). The employment status is not
 * part of it: a person leaves through {@link PersonService#markLeft}.
 *
 * @param endDate the contract end of a contractor (optional for employees)
 */
public record PersonDetails(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "letters, digits, '.', '_' or '-' only") String hrId,
		@NotBlank @Size(max = 200) String fullName, @NotBlank @Email @Size(max = 320) String email,
		@Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
				message = "lower-case letters, digits, '.', '_' or '-' only") String username,
		PersonId managerId, @Size(max = 100) String department, @NotNull EmploymentType employmentType,
		@NotNull LocalDate startDate, LocalDate endDate) {

	@AssertTrue(message = "the end date must not be before the start date")
	boolean isEndDateAfterStart() {
		return endDate == null || startDate == null || !endDate.isBefore(startDate);
	}

	@AssertTrue(message = "a contractor needs a contract end date")
	boolean isContractorEndDateGiven() {
		return employmentType != EmploymentType.CONTRACTOR || endDate != null;
	}
}
