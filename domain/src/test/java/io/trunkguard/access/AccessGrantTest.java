package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessGrantTest {

	static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static AccessGrant grant(boolean privileged, Instant lastUsed) {
		return AccessGrant.issue(GrantId.random(), PersonId.random(), SystemId.random(), "operator", privileged,
				NOW.minus(Duration.ofDays(400)), "admin", lastUsed, NOW);
	}

	@Test
	void issuingRegistersGrantIssued() {
		AccessGrant grant = grant(true, null);

		assertThat(grant.isActive()).isTrue();
		assertThat(grant.pendingEvents()).singleElement().isInstanceOfSatisfying(GrantIssued.class, event -> {
			assertThat(event.grantId()).isEqualTo(grant.getId());
			assertThat(event.privileged()).isTrue();
			assertThat(event.actor()).isEqualTo("admin");
			assertThat(event.occurredAt()).isEqualTo(NOW);
		});
	}

	@Test
	void revokeRecordsReasonActorTimeAndEvent() {
		AccessGrant grant = grant(false, null);
		grant.forgetEvents();

		grant.revoke("  left the team  ", "reviewer", CLOCK);

		assertThat(grant.getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(grant.getRevocationReason()).isEqualTo("left the team");
		assertThat(grant.getRevokedBy()).isEqualTo("reviewer");
		assertThat(grant.getRevokedAt()).isEqualTo(NOW);
		assertThat(grant.pendingEvents()).singleElement().isInstanceOfSatisfying(GrantRevoked.class, event -> {
			assertThat(event.reason()).isEqualTo("left the team");
			assertThat(event.actor()).isEqualTo("reviewer");
			assertThat(event.personId()).isEqualTo(grant.getPersonId());
		});
	}

	@Test
	void refusesToRevokeARevokedGrant() {
		AccessGrant grant = grant(false, null);
		grant.revoke("first", "reviewer", CLOCK);
		grant.forgetEvents();

		assertThatThrownBy(() -> grant.revoke("second", "other", CLOCK)).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("already revoked");
		assertThat(grant.getRevocationReason()).isEqualTo("first");
		assertThat(grant.getRevokedBy()).isEqualTo("reviewer");
		assertThat(grant.pendingEvents()).isEmpty();
	}

	@Test
	void refusesToRevokeWithoutReason() {
		AccessGrant grant = grant(false, null);

		assertThatThrownBy(() -> grant.revoke(" ", "reviewer", CLOCK)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> grant.revoke("x".repeat(1001), "reviewer", CLOCK))
			.isInstanceOf(InvalidInputException.class);
		assertThat(grant.isActive()).isTrue();
	}

	@Test
	void reduceChangesEntitlementButNeverEscalates() {
		AccessGrant privileged = grant(true, null);
		privileged.reduce("viewer", false, "least privilege", "reviewer", CLOCK);
		assertThat(privileged.getEntitlement()).isEqualTo("viewer");
		assertThat(privileged.isPrivileged()).isFalse();
		assertThat(privileged.pendingEvents()).last().isInstanceOf(GrantReduced.class);

		AccessGrant plain = grant(false, null);
		assertThatThrownBy(() -> plain.reduce("root", true, "more", "reviewer", CLOCK))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> plain.reduce("operator", false, "same", "reviewer", CLOCK))
			.isInstanceOf(InvalidInputException.class);
		plain.revoke("gone", "reviewer", CLOCK);
		assertThatThrownBy(() -> plain.reduce("viewer", false, "too late", "reviewer", CLOCK))
			.isInstanceOf(InvalidStateException.class);
	}

	@Test
	void isDormantWhenUnusedLongerThanTheThreshold() {
		assertThat(grant(false, NOW.minus(Duration.ofDays(91))).isDormant(NOW, AccessGrant.DEFAULT_DORMANCY)).isTrue();
		assertThat(grant(false, NOW.minus(Duration.ofDays(89))).isDormant(NOW, AccessGrant.DEFAULT_DORMANCY)).isFalse();
		assertThat(grant(false, null).isDormant(NOW, AccessGrant.DEFAULT_DORMANCY))
			.as("never used, granted 400 days ago")
			.isTrue();
		AccessGrant revoked = grant(false, NOW.minus(Duration.ofDays(200)));
		revoked.revoke("gone", "reviewer", CLOCK);
		assertThat(revoked.isDormant(NOW, AccessGrant.DEFAULT_DORMANCY)).as("only active grants are dormant").isFalse();
	}

	@Test
	void recordUseKeepsTheNewestObservation() {
		AccessGrant grant = grant(false, NOW.minus(Duration.ofDays(10)));

		grant.recordUse(NOW.minus(Duration.ofDays(20)));
		assertThat(grant.getLastUsedAt()).isEqualTo(NOW.minus(Duration.ofDays(10)));
		grant.recordUse(NOW.minus(Duration.ofDays(1)));
		assertThat(grant.getLastUsedAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
	}

	@Test
	void refusesImpossibleDates() {
		assertThatThrownBy(() -> AccessGrant.issue(GrantId.random(), PersonId.random(), SystemId.random(), "operator",
				false, NOW.plusSeconds(60), "admin", null, NOW))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> AccessGrant.issue(GrantId.random(), PersonId.random(), SystemId.random(), "operator",
				false, NOW.minusSeconds(60), "admin", NOW.minusSeconds(120), NOW))
			.isInstanceOf(InvalidInputException.class);
	}

}
