package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewItemTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
	static final PersonId HOLDER = PersonId.random();
	static final PersonId REVIEWER = PersonId.random();
	static final PersonId STRANGER = PersonId.random();

	static ReviewItem item(boolean privileged) {
		return ReviewItem.frozen(CampaignId.random(), frozen(privileged, HOLDER, REVIEWER));
	}

	static FrozenItem frozen(boolean privileged, PersonId holder, PersonId reviewer) {
		return new FrozenItem(ReviewItemId.random(),
				new GrantSnapshot(GrantId.random(), holder, "Harry Holder", "harry", EmploymentStatus.ACTIVE,
						EmploymentType.EMPLOYEE, null, REVIEWER, SystemId.random(), "Edge SBC", REVIEWER,
						ConnectorType.MANUAL, privileged ? "sbc-admin" : "sbc-viewer", privileged,
						Instant.parse("2025-01-01T00:00:00Z"), null, true, false, false, true, false),
				reviewer, "rita", Routing.SYSTEM_OWNER);
	}

	@Test
	void refusesToRouteAnItemToItsHolder() {
		assertThatThrownBy(() -> ReviewItem.frozen(CampaignId.random(), frozen(false, HOLDER, HOLDER)))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("themselves");
	}

	static ReviewItem pendingRevocation() {
		ReviewItem item = item(false);
		item.decide(Decision.REVOKE, null, "left the team", REVIEWER, "rita", CLOCK);
		item.submit(REVIEWER, "rita", CLOCK);
		return item;
	}

	@Test
	void refusesTheHolderSettlingTheRemediationOfTheirOwnAccess() {
		ReviewItem item = pendingRevocation();

		assertThatThrownBy(() -> item.checkRemediation("removed it myself", "harry"))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessage("harry cannot confirm the removal of their own access.");
		assertThatThrownBy(() -> item.markRemediated("removed it myself", "harry", CLOCK))
			.isInstanceOf(ReviewDeniedException.class);
		assertThatThrownBy(() -> item.acceptUnremediated("I still need it", "harry", CLOCK))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessage("harry cannot accept keeping their own access.");
		assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
	}

	@Test
	void refusesAManualRemovalBySomeoneWhoIsNeitherOwnerNorLeadOrWithoutANote() {
		ReviewItem item = pendingRevocation();

		assertThatThrownBy(() -> item.checkManualRemoval("done", "sam", false))
			.isInstanceOf(ReviewDeniedException.class)
			.satisfies(e -> assertThat(((ReviewDeniedException) e).code()).isEqualTo("remediation.not-owner"));
		assertThatThrownBy(() -> item.checkManualRemoval(" ", "rita", true)).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("note"));
		item.checkManualRemoval("removed in the SBC admin UI, ticket OPS-1", "rita", true);
		assertThatThrownBy(item::requireConnector).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("has no connector");
	}

	@Test
	void letsOnlyItsReviewerOrALeadComment() {
		ReviewItem item = item(false);

		assertThatThrownBy(() -> item.requireCommenter("sam", false)).isInstanceOf(ReviewDeniedException.class);
		item.requireCommenter("rita", false);
		item.requireCommenter("sam", true);
	}

	@Test
	void rejectsSelfReview() {
		ReviewItem item = item(false);

		assertThatThrownBy(() -> item.decide(Decision.KEEP, null, null, HOLDER, "harry", CLOCK))
			.isInstanceOf(ReviewDeniedException.class)
			.satisfies(e -> assertThat(((ReviewDeniedException) e).code()).isEqualTo("item.self-review"));
		assertThat(item.getDecision()).isNull();
	}

	@Test
	void rejectsSelfReviewByTheHoldersLoginEvenWhenItNowFindsTheReviewersPerson() {
		ReviewItem item = item(false);

		// the holder's login "harry" was moved to the reviewer's person after the freeze:
		// the person ids no longer match, the login deciding still holds the access
		assertThatThrownBy(() -> item.decide(Decision.KEEP, null, null, REVIEWER, "harry", CLOCK))
			.isInstanceOf(ReviewDeniedException.class)
			.satisfies(e -> assertThat(((ReviewDeniedException) e).code()).isEqualTo("item.self-review"));
		assertThat(item.getDecision()).isNull();
	}

	@Test
	void rejectsDecisionsOfAnyoneButTheAssignedReviewer() {
		ReviewItem item = item(false);

		assertThatThrownBy(() -> item.decide(Decision.KEEP, null, null, STRANGER, "sam", CLOCK))
			.isInstanceOf(ReviewDeniedException.class)
			.satisfies(e -> assertThat(((ReviewDeniedException) e).code()).isEqualTo("item.not-reviewer"));
		assertThatThrownBy(() -> item.decide(Decision.KEEP, null, null, null, "nobody", CLOCK))
			.isInstanceOf(ReviewDeniedException.class);
	}

	@Test
	void requiresAJustificationToRevokeOrReduce() {
		ReviewItem item = item(false);

		assertThatThrownBy(() -> item.decide(Decision.REVOKE, null, "  ", REVIEWER, "rita", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("justification"));
		assertThatThrownBy(() -> item.decide(Decision.REDUCE, "sbc-guest", null, REVIEWER, "rita", CLOCK))
			.isInstanceOf(InvalidInputException.class);
		assertThat(item.getDecision()).isNull();
	}

	@Test
	void requiresAJustificationToKeepPrivilegedAccessOnly() {
		ReviewItem privileged = item(true);
		ReviewItem ordinary = item(false);

		assertThatThrownBy(() -> privileged.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("privileged");
		ordinary.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK);
		privileged.decide(Decision.KEEP, null, "on-call SBC engineer", REVIEWER, "rita", CLOCK);

		assertThat(ordinary.getDecision()).isEqualTo(Decision.KEEP);
		assertThat(privileged.getJustification()).isEqualTo("on-call SBC engineer");
		assertThat(privileged.getDecidedBy()).isEqualTo("rita");
		assertThat(privileged.getDecidedAt()).isEqualTo(CLOCK.instant());
	}

	@Test
	void requiresALesserRoleToReduce() {
		ReviewItem item = item(true);

		assertThatThrownBy(() -> item.decide(Decision.REDUCE, null, "too much", REVIEWER, "rita", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("reducedTo"));
		assertThatThrownBy(() -> item.decide(Decision.REDUCE, "sbc-admin", "too much", REVIEWER, "rita", CLOCK))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("already");

		item.decide(Decision.REDUCE, " sbc-viewer ", "too much", REVIEWER, "rita", CLOCK);
		assertThat(item.getReducedTo()).isEqualTo("sbc-viewer");
	}

	@Test
	void changesADecisionUntilSubmittedAndNotAfter() {
		ReviewItem item = item(false);
		item.decide(Decision.REVOKE, null, "left the NOC", REVIEWER, "rita", CLOCK);
		item.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK);
		item.submit(REVIEWER, "rita", CLOCK);

		assertThat(item.getDecision()).isEqualTo(Decision.KEEP);
		assertThat(item.getJustification()).isNull();
		assertThat(item.isSubmitted()).isTrue();
		assertThat(item.getClosure()).isEqualTo(Closure.REVIEWED);
		assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.NOT_REQUIRED);
		assertThatThrownBy(() -> item.decide(Decision.REVOKE, null, "changed my mind", REVIEWER, "rita", CLOCK))
			.isInstanceOf(InvalidStateException.class)
			.satisfies(e -> assertThat(((InvalidStateException) e).code()).isEqualTo("item.submitted"));
	}

	@Test
	void refusesToSubmitAnUndecidedItem() {
		ReviewItem item = item(false);

		assertThatThrownBy(() -> item.submit(REVIEWER, "rita", CLOCK)).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("not decided");
	}

	@Test
	void submittedRevocationAwaitsRemediationAndAsksForIt() {
		ReviewItem item = item(false);
		item.decide(Decision.REVOKE, null, "moved to sales", REVIEWER, "rita", CLOCK);
		item.submit(REVIEWER, "rita", CLOCK);

		assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThat(item.pendingEvents()).hasAtLeastOneElementOfType(GrantRevocationRequested.class);
	}

	@Test
	void remediationNeedsAPendingRevocationAndANote() {
		ReviewItem kept = item(false);
		kept.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK);
		kept.submit(REVIEWER, "rita", CLOCK);
		assertThatThrownBy(() -> kept.markRemediated("done", "olga", CLOCK)).isInstanceOf(InvalidStateException.class);

		ReviewItem revoked = item(false);
		revoked.decide(Decision.REVOKE, null, "moved to sales", REVIEWER, "rita", CLOCK);
		revoked.submit(REVIEWER, "rita", CLOCK);
		assertThatThrownBy(() -> revoked.markRemediated(" ", "olga", CLOCK)).isInstanceOf(InvalidInputException.class);

		revoked.markRemediated("removed in the SBC web UI, ticket OPS-42", "olga", CLOCK);
		assertThat(revoked.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(revoked.getRemediatedBy()).isEqualTo("olga");
		assertThatThrownBy(() -> revoked.acceptUnremediated("never mind", "lead", CLOCK))
			.isInstanceOf(InvalidStateException.class);
	}

	@Test
	void unansweredItemIsRevokedUnderTheRevokeRule() {
		ReviewItem item = item(false);
		item.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK);

		assertThat(item.resolveUnanswered(UnansweredRule.REVOKE, CLOCK)).isTrue();

		assertThat(item.getDecision()).isEqualTo(Decision.REVOKE);
		assertThat(item.getClosure()).isEqualTo(Closure.REVOKED_UNANSWERED);
		assertThat(item.getDecidedBy()).isEqualTo(ReviewItem.SYSTEM_ACTOR);
		assertThat(item.isSubmitted()).isFalse();
		assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
	}

	@Test
	void unansweredItemIsCarriedOverUnderTheCarryOverRule() {
		ReviewItem item = item(true);

		assertThat(item.resolveUnanswered(UnansweredRule.CARRY_OVER, CLOCK)).isTrue();

		assertThat(item.getDecision()).isNull();
		assertThat(item.getClosure()).isEqualTo(Closure.CARRIED_OVER);
		assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.NOT_REQUIRED);
		assertThat(item.isSettled()).isTrue();
	}

	@Test
	void unansweredRuleLeavesSubmittedItemsAlone() {
		ReviewItem item = item(false);
		item.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK);
		item.submit(REVIEWER, "rita", CLOCK);

		assertThat(item.resolveUnanswered(UnansweredRule.REVOKE, CLOCK)).isFalse();
		assertThat(item.getDecision()).isEqualTo(Decision.KEEP);
		assertThat(item.getClosure()).isEqualTo(Closure.REVIEWED);
	}

	@Test
	void reassignsToAnotherReviewerButNeverToTheHolder() {
		ReviewItem item = item(false);
		item.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK);

		assertThatThrownBy(() -> item.reassign(HOLDER, "harry")).isInstanceOf(ReviewDeniedException.class);
		item.reassign(STRANGER, "sam");

		assertThat(item.getReviewerUsername()).isEqualTo("sam");
		assertThat(item.getRouting()).isEqualTo(Routing.REASSIGNED);
		assertThat(item.getDecision()).isNull();
		assertThatThrownBy(() -> item.decide(Decision.KEEP, null, null, REVIEWER, "rita", CLOCK))
			.isInstanceOf(ReviewDeniedException.class);
	}

}
