package io.trunkguard.control;

/**
 * Something a control expects that the records do not show, named so a person can act:
 * e.g. "2026-Q2: no signed-off access review campaign".
 *
 * @param where the period, carrier, trunk or person it is about, e.g. {@code 2026-Q2}
 * @param what what is missing or wrong
 */
public record Gap(String where, String what) {

	/** The sentence shown: "where: what". */
	public String describe() {
		return where + ": " + what;
	}

}
