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

	TerminationReceiver(DeprovisioningCases cases, PersonService people) {
		this.cases = cases;
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
		DeprovisioningCaseId id = preferredId != null && cases.findById(preferredId).isEmpty() ? preferredId
				: DeprovisioningCaseId.random();
		DeprovisioningCase opened = DeprovisioningCase.open(id, person.getId(), person.getUsername(), notice,
				receivedAt);
		cases.saveAndFlush(opened);
		return new CaseReceipt(opened.getId(), true);
	}

}
