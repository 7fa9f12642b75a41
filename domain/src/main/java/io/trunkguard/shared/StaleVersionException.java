package io.trunkguard.shared;

/**
 * The caller edited an older version of the thing than the one stored: someone else
 * changed it in between.
 */
public class StaleVersionException extends ConflictException {

	public StaleVersionException(String subjectType, Object subjectId, long expected, long actual) {
		super(subjectType.toLowerCase() + ".stale",
				subjectType + " " + subjectId + " was changed by someone else (version " + actual
						+ ", the edit was based on version " + expected + "): reload and edit again");
	}

	/**
	 * Throws unless {@code expected} is null (no check wanted) or equal to
	 * {@code actual}.
	 */
	public static void check(String subjectType, Object subjectId, Long expected, Long actual) {
		if (expected != null && !expected.equals(actual)) {
			throw new StaleVersionException(subjectType, subjectId, expected, actual == null ? -1 : actual);
		}
	}

}
