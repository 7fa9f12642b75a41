package io.trunkguard.deprovisioning;

import io.trunkguard.shared.DomainException;

/**
 * The task is not the actor's: assigned to someone else or for a role they do not hold.
 * The web answers 403.
 */
public class DeprovisioningTaskDeniedException extends DomainException {

	public DeprovisioningTaskDeniedException(String message) {
		super("deprovisioning.task-denied", message);
	}

}
