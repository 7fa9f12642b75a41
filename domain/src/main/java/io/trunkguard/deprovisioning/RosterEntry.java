package io.trunkguard.deprovisioning;

import java.time.LocalDate;

/**
 * One line of an HR roster: a person still employed, with their end date if HR set one.
 *
 * @param line the line number in the file, for error messages
 */
public record RosterEntry(int line, String hrId, LocalDate endDate) {
}
