package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.InvalidStateException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the case aggregate alone. */
class DeprovisioningCaseTest {

	static final Instant EVENT = Instant.parse("2026-11-02T09:00:00Z");

	DeprovisioningCase open() {
		return DeprovisioningCase.open(DeprovisioningCaseId.random(), PersonId.random(), "leo",
				new TerminationNotice("evt-1", "HR-1", EVENT, TerminationSource.HR_WEBHOOK, "client:hr-webhook"),
				EVENT.plusSeconds(5));
	}

	@Test
	void measuresFromTheHrEventToTheLastAccessRemoved() {
		DeprovisioningCase c = open();
		c.recordAccountDisabled(true, "system:keycloak", EVENT.plusSeconds(6));
		c.recordSessionsEnded(1, "system:keycloak", EVENT.plusSeconds(7));
		GrantId grant = GrantId.random();
		c.recordGrantRevoked(grant, SystemId.random(), "SBC", "sbc-admin", "olga", EVENT.plus(Duration.ofHours(3)),
				EVENT.plus(Duration.ofHours(24)));
		c.recordGrantRevoked(grant, SystemId.random(), "SBC", "sbc-admin", "olga", EVENT.plus(Duration.ofHours(5)),
				EVENT.plus(Duration.ofHours(24)));
		c.complete(new Verification(true, 0, List.of()), "system:deprovisioning", EVENT.plus(Duration.ofHours(4)));

		assertThat(c.getSteps()).filteredOn(s -> s.getKind() == StepKind.GRANT_REVOKED).hasSize(1);
		assertThat(c.timeToDeprovision()).contains(Duration.ofHours(3));
		assertThat(c.getSlaMet()).isTrue();
		assertThat(c.pendingEvents()).last().isInstanceOf(DeprovisioningCaseCompleted.class);
	}

	@Test
	void startsTheSlaClockAtTheLaterOfTheEffectiveTimeAndTheReceipt() {
		assertThat(open().slaStartsAt()).as("received 5 s after the effective time").isEqualTo(EVENT.plusSeconds(5));
		DeprovisioningCase future = DeprovisioningCase.open(DeprovisioningCaseId.random(), PersonId.random(), "leo",
				new TerminationNotice("evt-2", "HR-1", EVENT.plus(Duration.ofDays(3)), TerminationSource.HR_WEBHOOK,
						"client:hr-webhook"),
				EVENT);
		assertThat(future.slaStartsAt()).isEqualTo(EVENT.plus(Duration.ofDays(3)));
	}

	@Test
	void refusesAnEventIdAlreadyBoundToItsPersonForAnotherPerson() {
		DeprovisioningCase c = open();

		assertThatThrownBy(() -> c.recordDuplicate(
				new TerminationNotice("evt-1", "HR-2", EVENT, TerminationSource.HR_WEBHOOK, "client:hr-webhook"),
				EVENT.plusSeconds(9)))
			.isInstanceOf(TerminationEventConflictException.class)
			.hasMessageContaining("HR id HR-1")
			.hasMessageContaining("HR id HR-2");
		assertThat(c.getReceipts()).hasSize(1);
		assertThat(c.getReceipts().get(0).getPersonId()).isEqualTo(c.getPersonId());
		assertThat(c.getReceipts().get(0).getHrId()).isEqualTo("HR-1");
	}

	@Test
	void missesTheSlaWhenARemovalCameAfterItsDueTime() {
		DeprovisioningCase c = open();
		c.recordGrantRevoked(GrantId.random(), SystemId.random(), "Carrier portal", "admin", "olga",
				EVENT.plus(Duration.ofHours(30)), EVENT.plus(Duration.ofHours(24)));
		c.complete(new Verification(true, 0, List.of()), "system:deprovisioning", EVENT.plus(Duration.ofHours(31)));

		assertThat(c.getSlaMet()).isFalse();
		assertThat(c.timeToDeprovision()).contains(Duration.ofHours(30));
	}

	@Test
	void refusesToCompleteOnAFailedVerificationAndToChangeACompletedCase() {
		DeprovisioningCase c = open();
		assertThatThrownBy(() -> c.complete(new Verification(true, 1, List.of()), "system:deprovisioning", EVENT))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("1 active session");
		c.complete(new Verification(true, 0, List.of()), "system:deprovisioning", EVENT.plusSeconds(10));
		assertThatThrownBy(() -> c.recordAccountDisabled(true, "system:keycloak", EVENT))
			.isInstanceOf(InvalidStateException.class);
		assertThatThrownBy(() -> c.complete(new Verification(true, 0, List.of()), "x", EVENT))
			.isInstanceOf(InvalidStateException.class);
	}

	@Test
	void anEscalationPublishesTheMissedSlaForNotifications() {
		DeprovisioningCase c = open();
		GrantId grant = GrantId.random();
		c.recordEscalation(grant, SystemId.random(), "Carrier portal", "olga", List.of("compliance-lead"),
				EVENT.plus(Duration.ofHours(25)), EVENT.plus(Duration.ofHours(24)));

		assertThat(c.pendingEvents()).filteredOn(DeprovisioningSlaMissed.class::isInstance)
			.singleElement()
			.isEqualTo(new DeprovisioningSlaMissed(c.getId(), "HR-1", "leo", grant.toString(), "Carrier portal", "olga",
					EVENT.plus(Duration.ofHours(24)), List.of("compliance-lead"), EVENT.plus(Duration.ofHours(25))));
		assertThat(c.getSteps()).singleElement()
			.satisfies(s -> assertThat(s.getNote()).isEqualTo("SLA missed, escalated to compliance-lead"));
	}

}
