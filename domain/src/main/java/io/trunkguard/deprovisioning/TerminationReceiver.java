package io.trunkguard.deprovisioning;

import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns one delivery of a termination event into a receipt of its case, in the caller's
 * transaction: the case that received the same event id, else the person's open case,
 * else a new case (which publishes {@link DeprovisioningCaseOpened}, and so starts its
 * process in the same transaction). Used by the roster import directly and by the
 * {@link TerminationIntakeWorker} for what the webhook and SCIM recorded.
 */
@Component
class TerminationReceiver {

	private final DeprovisioningCases cases;

	private final PersonService people;

	private final TerminationIntake intake;

	TerminationReceiver(DeprovisioningCases cases, PersonService people, TerminationIntake intake) {
		this.cases = cases;
		this.intake = intake;
		this.people = people;
	}

	/**
	 * @param receivedAt when the delivery reached us (the SLA's start when later than the
	 * effective time)
	 * @param preferredId the id for a new case (the one the intake answered), or null for
	 * a random one
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CaseReceipt receive(TerminationNotice notice, Instant receivedAt, DeprovisioningCaseId preferredId) {
		Optional<DeprovisioningCase> existing = cases.findByReceivedEventId(notice.eventId()).stream().findFirst();
		Person person = null;
		if (existing.isEmpty()) {
			person = people.findByHrId(notice.hrId())
				.orElseThrow(() -> new NotFoundException("Person", "hrId=" + notice.hrId()));
			existing = cases.findByOpenPersonId(person.getId());
		}
		if (existing.isPresent()) {
			// recordDuplicate refuses an event naming another person than the case's
			DeprovisioningCase known = existing.get();
			known.recordDuplicate(notice, receivedAt);
			cases.saveAndFlush(known);
			return new CaseReceipt(known.getId(), false);
		}
		// the id answered for the person's next case (by the intake) is the one to open;
		// without one, this receipt claims its own id first, so a delivery the intake
		// takes meanwhile is answered with it (or this transaction fails on the claim and
		// is retried)
		DeprovisioningCaseId id = intake.claimedCase(person.getId());
		if (id != null && cases.findById(id).isPresent()) {
			// a claim left over (its case was opened and closed): not this case's id
			intake.releaseClaim(person.getId());
			id = null;
		}
		if (id == null) {
			id = preferredId != null && cases.findById(preferredId).isEmpty() ? preferredId
					: DeprovisioningCaseId.random();
			intake.claimNewCase(person.getId(), id);
		}
		DeprovisioningCase opened = DeprovisioningCase.open(id, person.getId(), person.getUsername(), notice,
				receivedAt);
		cases.saveAndFlush(opened);
		intake.releaseClaim(person.getId());
		return new CaseReceipt(opened.getId(), true);
	}

}
