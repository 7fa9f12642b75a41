package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One grant under review in one campaign. The snapshot (holder, system, role, privileged,
 * last use, flags) is frozen at start; later changes to the grant do not change it. Only
 * the assigned reviewer decides, never on their own access, and may change the decision
 * until they submit. A submitted revoke or reduce is pending remediation until the change
 * is made (with proof) or explicitly accepted.
 */
@Entity
@Table(name = "review_item")
public class ReviewItem extends AbstractAggregateRoot<ReviewItem> {

	static final int MAX_TEXT = 2000;
	static final int MAX_ROLE = 120;

	/** The actor recorded for what the campaign's rules do by themselves. */
	public static final String SYSTEM_ACTOR = "system:access-review";

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private ReviewItemId id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "campaign_id", nullable = false))
	private CampaignId campaignId;

	@Embedded
	private GrantSnapshot grant;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "reviewer_id", nullable = false))
	private PersonId reviewerId;

	@Column(name = "reviewer_username", nullable = false, length = 100)
	private String reviewerUsername;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Routing routing;

	@Embedded
	private ReviewDecision decision;

	@Column(nullable = false)
	private boolean submitted;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(length = 20)
	private Closure closure;

	@Embedded
	private Remediation remediation;

	protected ReviewItem() {
		// for JPA
	}

	/**
	 * An item as frozen at campaign start (the bulk freeze writes the same columns with
	 * SQL).
	 */
	public static ReviewItem frozen(CampaignId campaignId, FrozenItem f) {
		ReviewItem item = new ReviewItem();
		item.id = Objects.requireNonNull(f.id(), "id");
		item.campaignId = Objects.requireNonNull(campaignId, "campaignId");
		item.grant = Objects.requireNonNull(f.grant(), "grant");
		if (f.reviewerId() == null || f.reviewerId().equals(f.grant().personId())) {
			throw new InvalidStateException("item.self-review",
					"The item of " + f.grant().personName() + " cannot be routed to themselves.");
		}
		item.reviewerId = f.reviewerId();
		item.reviewerUsername = f.reviewerUsername();
		item.routing = f.routing();
		item.remediation = Remediation.notRequired();
		return item;
	}

	/**
	 * Records (or changes) the decision. Refuses (403, {@link ReviewDeniedException})
	 * anyone but the assigned reviewer and the holder of the access; refuses (409) once
	 * submitted or settled; requires a justification for revoke, reduce and keeping
	 * privileged access, and for reduce a lesser role different from the current one
	 * (400, {@link ReviewDecision#of}). Registers {@link ItemDecided}.
	 */
	public void decide(Decision newDecision, String newReducedTo, String newJustification, PersonId actorId,
			String actor, Clock clock) {
		requireReviewer(actorId, actor);
		requireUnsubmitted();
		this.decision = ReviewDecision.of(newDecision, newReducedTo, newJustification, grant, actor,
				ReviewTime.now(clock));
		registerEvent(new ItemDecided(id, campaignId, grant.grantId(), decision.choice(), decision.reducedTo(),
				decision.justification(), actor, decision.decidedAt()));
	}

	/**
	 * Makes the decision final. Refuses anyone but the reviewer, an undecided item, and
	 * an item already submitted or settled. A revoke or reduce becomes pending
	 * remediation and registers {@link GrantRevocationRequested}.
	 */
	public void submit(PersonId actorId, String actor, Clock clock) {
		requireReviewer(actorId, actor);
		requireUnsubmitted();
		if (decision == null) {
			throw new InvalidStateException("item.undecided", "The item " + grant.describe() + " is not decided yet.");
		}
		Instant now = ReviewTime.now(clock);
		this.submitted = true;
		this.submittedAt = now;
		this.closure = Closure.REVIEWED;
		requestRemediationIfNeeded(actor, now);
	}

	/**
	 * Settles an item nobody submitted by the campaign's rule: REVOKE revokes it (pending
	 * remediation), CARRY_OVER keeps the access and discards an unsubmitted draft.
	 * Returns false (and changes nothing) for a settled item.
	 */
	public boolean resolveUnanswered(UnansweredRule rule, Clock clock) {
		if (closure != null) {
			return false;
		}
		Instant now = ReviewTime.now(clock);
		if (rule == UnansweredRule.REVOKE) {
			this.decision = ReviewDecision.revokedUnanswered(now);
			this.closure = Closure.REVOKED_UNANSWERED;
			requestRemediationIfNeeded(SYSTEM_ACTOR, now);
		}
		else {
			this.decision = null;
			this.closure = Closure.CARRIED_OVER;
		}
		return true;
	}

	private void requestRemediationIfNeeded(String actor, Instant now) {
		if (decision != null && decision.changesAccess()) {
			this.remediation = remediation.pending();
			registerEvent(new GrantRevocationRequested(id, campaignId, grant.grantId(), grant.systemId(),
					grant.connector(), decision.choice(), decision.reducedTo(), actor, now));
		}
	}

	/**
	 * Records that the change was made on the system, with proof. Refuses the holder of
	 * the access, and refuses unless remediation is pending.
	 */
	public void markRemediated(String proof, String actor, Clock clock) {
		settleRemediation(RemediationStatus.REMEDIATED, proof, "a note proving the change is required", actor, clock);
	}

	/**
	 * Records that a compliance lead accepts the change not being made. Refuses the
	 * holder of the access, and refuses unless remediation is pending.
	 */
	public void acceptUnremediated(String justificationOfRisk, String actor, Clock clock) {
		settleRemediation(RemediationStatus.ACCEPTED, justificationOfRisk,
				"a justification for accepting the access is required", actor, clock);
	}

	/**
	 * Refuses, before the grant is changed, what {@link #markRemediated} would refuse:
	 * the holder confirming the removal of their own access, an item without pending
	 * remediation, a missing note.
	 */
	public void checkRemediation(String note, String actor) {
		requireNotHolder(actor, RemediationStatus.REMEDIATED);
		requirePendingRemediation();
		Remediation.requireNote(note, "a note proving the change is required");
	}

	/**
	 * Refuses, before anything changes, a removal confirmed by hand by someone who is
	 * neither the system's owner nor a compliance lead ({@code ownerOrLead} false), on a
	 * system remediated through its connector, or without a note saying how.
	 */
	public void checkManualRemoval(String note, String actor, boolean ownerOrLead) {
		if (!ownerOrLead) {
			throw new ReviewDeniedException("remediation.not-owner",
					actor + " is neither the owner of " + grant.systemName() + " nor a compliance lead.");
		}
		if (!isManualRemediation()) {
			throw new InvalidStateException("remediation.automatic", grant.systemName()
					+ " is remediated through its connector; the removal is verified automatically.");
		}
		Remediation.requireNote(note, "a note saying how the access was removed is required");
	}

	/**
	 * Refuses a removal through a connector on a system that has none: its owner removes
	 * access by hand.
	 */
	public void requireConnector() {
		if (grant.connector() == ConnectorType.MANUAL) {
			throw new InvalidStateException("remediation.manual-system",
					grant.systemName() + " has no connector: its owner removes access by hand.");
		}
	}

	/**
	 * Refuses a comment from anyone but the item's reviewer or a compliance lead
	 * ({@code complianceLead}).
	 */
	public void requireCommenter(String actor, boolean complianceLead) {
		if (!complianceLead && !Objects.equals(actor, reviewerUsername)) {
			throw new ReviewDeniedException("item.not-reviewer",
					"The item " + grant.describe() + " is not assigned to " + actor + ".");
		}
	}

	/** A revoke or reduce waits for its change on the system. */
	public boolean isRemediationPending() {
		return remediation.isPending();
	}

	/** The revoke or reduce was made, or not making it was accepted. */
	public boolean isRemediationSettled() {
		return remediation.status() == RemediationStatus.REMEDIATED
				|| remediation.status() == RemediationStatus.ACCEPTED;
	}

	private void settleRemediation(RemediationStatus target, String note, String missing, String actor, Clock clock) {
		requireNotHolder(actor, target);
		requirePendingRemediation();
		this.remediation = remediation.settled(target, note, missing, actor, ReviewTime.now(clock));
		registerEvent(new ItemRemediated(id, campaignId, grant.grantId(), target, remediation.note(),
				remediation.remediatedBy(), remediation.remediatedAt()));
	}

	private void requireNotHolder(String actor, RemediationStatus target) {
		if (actor != null && actor.equals(grant.personUsername())) {
			throw new ReviewDeniedException("remediation.own-access",
					actor + " cannot "
							+ (target == RemediationStatus.ACCEPTED ? "accept keeping" : "confirm the removal of")
							+ " their own access.");
		}
	}

	private void requirePendingRemediation() {
		if (!remediation.isPending()) {
			throw new InvalidStateException("item.remediation-not-pending",
					"The item " + grant.describe() + " has no pending remediation (it is "
							+ io.trunkguard.shared.Labels.label(remediation.status()) + ").");
		}
	}

	/**
	 * Sends a pending revocation on a system with a connector to its owner by hand,
	 * recording why (e.g. no connector is configured). Registers
	 * {@link RemediationRoutedToManual} the first time; later calls change nothing.
	 */
	public void routeToManual(String reason, Clock clock) {
		requirePendingRemediation();
		if (remediation.manualReason() != null) {
			return;
		}
		this.remediation = remediation.routedToManual(reason);
		registerEvent(new RemediationRoutedToManual(id, campaignId, grant.connector(), remediation.manualReason(),
				ReviewTime.now(clock)));
	}

	/**
	 * Removed by a person rather than a connector: a system without connector, or one
	 * routed to its owner.
	 */
	public boolean isManualRemediation() {
		return grant.connector() == ConnectorType.MANUAL || remediation.manualReason() != null;
	}

	/** Moves an unsubmitted item to another reviewer, who must not be the holder. */
	public void reassign(PersonId newReviewerId, String newReviewerUsername) {
		requireUnsubmitted();
		Objects.requireNonNull(newReviewerId, "newReviewerId");
		if (newReviewerId.equals(grant.personId())) {
			throw new ReviewDeniedException("item.self-review",
					grant.personName() + " cannot review their own access.");
		}
		if (newReviewerUsername == null || newReviewerUsername.isBlank()) {
			throw new InvalidInputException("item.reviewer-without-login", "The new reviewer has no login.");
		}
		this.reviewerId = newReviewerId;
		this.reviewerUsername = newReviewerUsername;
		this.routing = Routing.REASSIGNED;
		this.decision = null;
	}

	private void requireReviewer(PersonId actorId, String actor) {
		if ((actorId != null && actorId.equals(grant.personId()))
				|| (actor != null && actor.equals(grant.personUsername()))) {
			throw new ReviewDeniedException("item.self-review", actor + " cannot review their own access.");
		}
		if (actorId == null || !actorId.equals(reviewerId)) {
			throw new ReviewDeniedException("item.not-reviewer",
					"The item " + grant.describe() + " is not assigned to " + actor + ".");
		}
	}

	private void requireUnsubmitted() {
		if (closure != null) {
			throw new InvalidStateException(submitted ? "item.submitted" : "item.settled",
					"The item " + grant.describe() + " is already "
							+ (submitted ? "submitted" : "settled (" + io.trunkguard.shared.Labels.label(closure) + ")")
							+ ".");
		}
	}

	/** Decided and submitted, or settled by the unanswered rule. */
	/** The item in a sentence's words: "root of Daniel Reyes on Edge SBC Cluster". */
	public String describe() {
		return grant.describe();
	}

	public boolean isSettled() {
		return closure != null;
	}

	public ReviewItemId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public CampaignId getCampaignId() {
		return campaignId;
	}

	/** The grant as frozen at the campaign's start. */
	public GrantSnapshot getGrant() {
		return grant;
	}

	/** The reviewer's decision; null until decided (and after a reassignment). */
	public ReviewDecision getReviewDecision() {
		return decision;
	}

	/** Where the change a revoke or reduce asks for stands. */
	public Remediation getRemediation() {
		return remediation;
	}

	public PersonId getReviewerId() {
		return reviewerId;
	}

	public String getReviewerUsername() {
		return reviewerUsername;
	}

	public Routing getRouting() {
		return routing;
	}

	public boolean isSubmitted() {
		return submitted;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public Closure getClosure() {
		return closure;
	}

	// the snapshot, the decision and the remediation by their parts, as pages, reports
	// and the API read them

	public GrantId getGrantId() {
		return grant.grantId();
	}

	public PersonId getPersonId() {
		return grant.personId();
	}

	public String getPersonName() {
		return grant.personName();
	}

	public String getPersonUsername() {
		return grant.personUsername();
	}

	public EmploymentStatus getPersonStatus() {
		return grant.personStatus();
	}

	public EmploymentType getPersonType() {
		return grant.personType();
	}

	public LocalDate getPersonEndDate() {
		return grant.personEndDate();
	}

	public PersonId getPersonManagerId() {
		return grant.personManagerId();
	}

	public SystemId getSystemId() {
		return grant.systemId();
	}

	public String getSystemName() {
		return grant.systemName();
	}

	public PersonId getSystemOwnerId() {
		return grant.systemOwnerId();
	}

	public ConnectorType getConnector() {
		return grant.connector();
	}

	public String getEntitlement() {
		return grant.entitlement();
	}

	public boolean isPrivileged() {
		return grant.privileged();
	}

	public Instant getGrantedAt() {
		return grant.grantedAt();
	}

	public Instant getLastUsedAt() {
		return grant.lastUsedAt();
	}

	public boolean isDormant() {
		return grant.dormant();
	}

	public boolean isOrphan() {
		return grant.orphan();
	}

	public boolean isContractorExpired() {
		return grant.contractorExpired();
	}

	/** Not in the previous campaign (every item of a first campaign is new). */
	public boolean isNew() {
		return grant.isNew();
	}

	/** The previous campaign carried this grant over unanswered. */
	public boolean isCarriedOver() {
		return grant.carriedOver();
	}

	public Decision getDecision() {
		return decision == null ? null : decision.choice();
	}

	public String getReducedTo() {
		return decision == null ? null : decision.reducedTo();
	}

	public String getJustification() {
		return decision == null ? null : decision.justification();
	}

	public String getDecidedBy() {
		return decision == null ? null : decision.decidedBy();
	}

	public Instant getDecidedAt() {
		return decision == null ? null : decision.decidedAt();
	}

	public RemediationStatus getRemediationStatus() {
		return remediation.status();
	}

	public String getRemediatedBy() {
		return remediation.remediatedBy();
	}

	public Instant getRemediatedAt() {
		return remediation.remediatedAt();
	}

	public String getRemediationNote() {
		return remediation.note();
	}

	/**
	 * Why a revocation on a system with a connector is carried out by hand (null when it
	 * is not).
	 */
	public String getManualRemediationReason() {
		return remediation.manualReason();
	}

	/** The events registered and not yet published (for tests of the aggregate). */
	java.util.List<Object> pendingEvents() {
		return java.util.List.copyOf(domainEvents());
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof ReviewItem other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "ReviewItem[" + grant.personName() + ", " + grant.systemName() + ", " + grant.entitlement() + ", "
				+ getDecision() + "]";
	}

}
