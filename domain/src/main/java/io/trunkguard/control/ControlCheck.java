package io.trunkguard.control;

import java.util.List;

/**
 * One expectation of a control, checked against the records of a period: e.g. "a
 * signed-off access review campaign each quarter" for CC6.1. One class per expectation.
 */
interface ControlCheck {

	/** The control it belongs to, e.g. {@code CC6.1}. */
	String control();

	/** What is expected, as a sentence. */
	String expectation();

	/** What is missing in the period. */
	List<Gap> gaps(AssessedPeriod period);

}
