package io.trunkguard.deprovisioning;

import io.trunkguard.shared.InvalidInputException;

/**
 * A roster that would terminate implausibly many people at once (a truncated or wrong
 * file): nothing was done.
 */
public class RosterRefusedException extends InvalidInputException {

	public RosterRefusedException(String message) {
		super("roster.implausible", message);
	}

}
