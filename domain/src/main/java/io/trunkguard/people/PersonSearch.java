package io.trunkguard.people;

/**
 * Criteria for {@link PersonService#search}; every field is optional.
 *
 * @param text matched case-insensitively against name, HR id, email, username and
 * department
 */
public record PersonSearch(String text, EmploymentStatus status, String department) {

	public static PersonSearch all() {
		return new PersonSearch(null, null, null);
	}

	public static PersonSearch text(String text) {
		return new PersonSearch(text, null, null);
	}
}
