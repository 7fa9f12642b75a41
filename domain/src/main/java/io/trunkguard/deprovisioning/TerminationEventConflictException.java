package io.trunkguard.deprovisioning;

import io.trunkguard.shared.ConflictException;

/**
 * A termination event whose id is already bound to another person's case: the sender
 * reused an id (or forged one), and accepting it as a duplicate would lose the
 * termination it names.
 */
public class TerminationEventConflictException extends ConflictException {

	private final transient TerminationNotice notice;

	private final DeprovisioningCaseId boundCase;

	private final String boundHrId;

	TerminationEventConflictException(TerminationNotice notice, DeprovisioningCase bound) {
		super("deprovisioning.event-id-conflict",
				"The event id " + notice.eventId() + " was already received for the person with HR id "
						+ bound.getHrId() + " (case " + bound.getId() + "), so it cannot end the employment of HR id "
						+ notice.hrId() + ": send that termination with an event id of its own.");
		this.notice = notice;
		this.boundCase = bound.getId();
		this.boundHrId = bound.getHrId();
	}

	/**
	 * The event id is bound (by an earlier delivery) to case {@code boundCase} of HR id
	 * {@code boundHrId}.
	 */
	TerminationEventConflictException(TerminationNotice notice, DeprovisioningCaseId boundCase, String boundHrId) {
		super("deprovisioning.event-id-conflict",
				"The event id " + notice.eventId() + " was already received for the person with HR id " + boundHrId
						+ " (case " + boundCase + "), so it cannot end the employment of HR id " + notice.hrId()
						+ ": send that termination with an event id of its own.");
		this.notice = notice;
		this.boundCase = boundCase;
		this.boundHrId = boundHrId;
	}

	TerminationNotice notice() {
		return notice;
	}

	DeprovisioningCaseId boundCase() {
		return boundCase;
	}

	String boundHrId() {
		return boundHrId;
	}

}
