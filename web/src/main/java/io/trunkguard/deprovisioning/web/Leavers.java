package io.trunkguard.deprovisioning.web;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.security.LeaverDirectory;

/**
 * Security's view of who has left: a person whose employment has ended, or whose
 * termination is past its effective time while its case is still being carried out (the
 * identity provider may be down, or slow: access ends here anyway), counted from the
 * moment the termination is accepted, before its case is written.
 */
@Component
class Leavers implements LeaverDirectory {

	private final PersonService people;

	private final DeprovisioningService deprovisioning;

	private final Clock clock = Clock.systemUTC();

	Leavers(PersonService people, DeprovisioningService deprovisioning) {
		this.people = people;
		this.deprovisioning = deprovisioning;
	}

	@Override
	public boolean hasLeft(String username) {
		Person person = people.findByUsername(username).orElse(null);
		if (person == null) {
			return false;
		}
		if (person.getEmploymentStatus() == EmploymentStatus.LEFT) {
			return true;
		}
		return deprovisioning.leavingAt(person.getId()).map(at -> !at.isAfter(clock.instant())).orElse(false);
	}

}
