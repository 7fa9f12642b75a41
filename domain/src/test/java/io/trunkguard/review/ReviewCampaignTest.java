package io.trunkguard.review;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewCampaignTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

	static ReviewCampaign campaign() {
		return ReviewCampaign.open(CampaignId.random(), "Q4 review", CLOCK.instant().plus(Duration.ofDays(14)),
				UnansweredRule.REVOKE, Duration.ofDays(90), null, "lead", CLOCK);
	}

	@Test
	void opensWithTheQuarterOfItsStart() {
		ReviewCampaign campaign = campaign();

		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.OPEN);
		assertThat(campaign.getPeriod()).isEqualTo("2026-Q4");
		assertThat(campaign.getStartedBy()).isEqualTo("lead");
		assertThat(campaign.getDormantAfter()).isEqualTo(Duration.ofDays(90));
		assertThat(ReviewCampaign.quarterOf(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("2027-Q1");
		assertThat(ReviewCampaign.quarterOf(Instant.parse("2027-06-30T23:59:59Z"))).isEqualTo("2027-Q2");
	}

	@Test
	void rejectsADeadlineInThePastOrTooFarAhead() {
		assertThatThrownBy(() -> ReviewCampaign.open(CampaignId.random(), "late", CLOCK.instant().minusSeconds(1),
				UnansweredRule.REVOKE, Duration.ofDays(90), null, "lead", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not in the future");
		assertThatThrownBy(
				() -> ReviewCampaign.open(CampaignId.random(), "far", CLOCK.instant().plus(Duration.ofDays(400)),
						UnansweredRule.REVOKE, Duration.ofDays(90), null, "lead", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("year");
		assertThatThrownBy(
				() -> ReviewCampaign.open(CampaignId.random(), "short", CLOCK.instant().plus(Duration.ofDays(2)),
						UnansweredRule.REVOKE, Duration.ofDays(90), null, "lead", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("less than 3 days away");
		assertThatThrownBy(() -> ReviewCampaign.open(CampaignId.random(), " ", CLOCK.instant().plus(Duration.ofDays(4)),
				UnansweredRule.REVOKE, Duration.ofDays(90), null, "lead", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("name");
	}

	@Test
	void refusesToCloseWhileItemsAreUndecided() {
		ReviewCampaign campaign = campaign();

		assertThatThrownBy(() -> campaign.close(3, 0, "lead", CLOCK)).isInstanceOf(InvalidStateException.class)
			.satisfies(e -> assertThat(((InvalidStateException) e).code()).isEqualTo("campaign.items-undecided"));
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.OPEN);
	}

	@Test
	void refusesToCloseWhileRevocationsAreUnremediated() {
		ReviewCampaign campaign = campaign();

		assertThatThrownBy(() -> campaign.close(0, 2, "lead", CLOCK)).isInstanceOf(InvalidStateException.class)
			.satisfies(e -> assertThat(((InvalidStateException) e).code()).isEqualTo("campaign.items-unremediated"));
	}

	@Test
	void closesWhenEverythingIsSettledAndThenOnlyOnce() {
		ReviewCampaign campaign = campaign();

		campaign.close(0, 0, "lead", CLOCK);

		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.CLOSED);
		assertThat(campaign.getClosedAt()).isEqualTo(CLOCK.instant());
		assertThat(campaign.getReviewsEndedAt()).isEqualTo(CLOCK.instant());
		assertThat(campaign.pendingEvents()).hasAtLeastOneElementOfType(CampaignClosed.class);
		assertThatThrownBy(() -> campaign.close(0, 0, "lead", CLOCK)).isInstanceOf(InvalidStateException.class);
		assertThatThrownBy(campaign::requireReviewing).isInstanceOf(InvalidStateException.class);
	}

	@Test
	void refusesSignOffBeforeClose() {
		ReviewCampaign campaign = campaign();

		assertThatThrownBy(() -> campaign.signOff("lead", false, null, CLOCK)).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("closed");
	}

	@Test
	void refusesSignOffByALeadWhoReviewedTheirOwnAccess() {
		ReviewCampaign campaign = campaign();
		campaign.close(0, 0, "lead", CLOCK);

		assertThatThrownBy(() -> campaign.signOff("lead", true, "fine", CLOCK))
			.isInstanceOf(InvalidStateException.class)
			.satisfies(e -> assertThat(((InvalidStateException) e).code()).isEqualTo("campaign.sign-off-own-access"));
		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.CLOSED);
	}

	@Test
	void signsOffAClosedCampaign() {
		ReviewCampaign campaign = campaign();
		campaign.close(0, 0, "lead", CLOCK);

		campaign.signOff("other-lead", false, " all good ", CLOCK);

		assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.SIGNED_OFF);
		assertThat(campaign.getSignedOffBy()).isEqualTo("other-lead");
		assertThat(campaign.getSignOffNote()).isEqualTo("all good");
		assertThat(campaign.pendingEvents()).hasAtLeastOneElementOfType(CampaignSignedOff.class);
	}

	@Test
	void takesNoDecisionsAfterCloseOut() {
		ReviewCampaign campaign = campaign();
		campaign.requireReviewing();

		campaign.endReviews(CLOCK);

		assertThatThrownBy(campaign::requireReviewing).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("closed out");
	}

}
