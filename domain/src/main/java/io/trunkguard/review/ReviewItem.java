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
	@AttributeOverride(name = "value", column = @Column(name = "grant_id", nullable = false))
	private GrantId grantId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "person_id", nullable = false))
	private PersonId personId;

	@Column(name = "person_name", nullable = false, length = 200)
	private String personName;

	@Column(name = "person_username", length = 100)
	private String personUsername;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "person_status", nullable = false, length = 20)
	private EmploymentStatus personStatus;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "person_type", nullable = false, length = 20)
	private EmploymentType personType;

	@Column(name = "person_end_date")
	private LocalDate personEndDate;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "person_manager_id"))
	private PersonId personManagerId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "system_id", nullable = false))
	private SystemId systemId;

	@Column(name = "system_name", nullable = false, length = 120)
	private String systemName;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "system_owner_id", nullable = false))
	private PersonId systemOwnerId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private ConnectorType connector;

	@Column(nullable = false, length = MAX_ROLE)
	private String entitlement;

	@Column(nullable = false)
	private boolean privileged;

	@Column(name = "granted_at", nullable = false)
	private Instant grantedAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "flag_dormant", nullable = false)
	private boolean dormant;

	@Column(name = "flag_orphan", nullable = false)
	private boolean orphan;

	@Column(name = "flag_contractor_expired", nullable = false)
	private boolean contractorExpired;

	@Column(name = "is_new", nullable = false)
	private boolean isNew;

	@Column(name = "carried_over", nullable = false)
	private boolean carriedOver;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "reviewer_id", nullable = false))
	private PersonId reviewerId;

	@Column(name = "reviewer_username", nullable = false, length = 100)
	private String reviewerUsername;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Routing routing;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(length = 10)
	private Decision decision;

	@Column(name = "reduced_to", length = MAX_ROLE)
	private String reducedTo;

	@Column(length = MAX_TEXT)
	private String justification;

	@Column(name = "decided_by", length = 100)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(nullable = false)
	private boolean submitted;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(length = 20)
	private Closure closure;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "remediation_status", nullable = false, length = 20)
	private RemediationStatus remediationStatus;

	@Column(name = "remediated_by", length = 100)
	private String remediatedBy;

	@Column(name = "remediated_at")
	private Instant remediatedAt;

	@Column(name = "remediation_note", length = MAX_TEXT)
	private String remediationNote;

	@Column(name = "manual_remediation_reason", length = 500)
	private String manualRemediationReason;

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
		item.grantId = f.grantId();
		item.personId = f.personId();
		item.personName = f.personName();
		item.personUsername = f.personUsername();
		item.personStatus = f.personStatus();
		item.personType = f.personType();
		item.personEndDate = f.personEndDate();
		item.personManagerId = f.personManagerId();
		item.systemId = f.systemId();
		item.systemName = f.systemName();
		item.systemOwnerId = f.systemOwnerId();
		item.connector = f.connector();
		item.entitlement = f.entitlement();
		item.privileged = f.privileged();
		item.grantedAt = f.grantedAt();
		item.lastUsedAt = f.lastUsedAt();
		item.dormant = f.dormant();
		item.orphan = f.orphan();
		item.contractorExpired = f.contractorExpired();
		item.isNew = f.isNew();
		item.carriedOver = f.carriedOver();
		if (f.reviewerId() == null || f.reviewerId().equals(f.personId())) {
			throw new InvalidStateException("item.self-review",
					"the item of " + f.personName() + " cannot be routed to themselves");
		}
		item.reviewerId = f.reviewerId();
		item.reviewerUsername = f.reviewerUsername();
		item.routing = f.routing();
		item.remediationStatus = RemediationStatus.NOT_REQUIRED;
		return item;
	}

	/**
	 * Records (or changes) the decision. Refuses (403, {@link ReviewDeniedException})
	 * anyone but the assigned reviewer and the holder of the access; refuses (409) once
	 * submitted or settled; requires a justification for revoke, reduce and keeping
	 * privileged access, and for reduce a lesser role different from the current one
	 * (400). Registers {@link ItemDecided}.
	 */
	public void decide(Decision newDecision, String newReducedTo, String newJustification, PersonId actorId,
			String actor, Clock clock) {
		requireReviewer(actorId, actor);
		requireUnsubmitted();
		if (newDecision == null) {
			throw new InvalidInputException("item.decision-required",
					"a decision (KEEP, REVOKE or REDUCE) is required");
		}
		String why = newJustification == null || newJustification.isBlank() ? null : newJustification.strip();
		if (why != null && why.length() > MAX_TEXT) {
			throw new InvalidInputException("item.justification-too-long",
					"the justification is longer than " + MAX_TEXT + " characters");
		}
		if (why == null && (newDecision.changesAccess() || privileged)) {
			throw new InvalidInputException("item.justification-required",
					newDecision == Decision.KEEP
							? "keeping privileged access (" + entitlement + " on " + systemName
									+ ") needs a justification"
							: "a justification is required to " + newDecision.name().toLowerCase() + " access",
					java.util.Map.of("justification", "required"));
		}
		String role = null;
		if (newDecision == Decision.REDUCE) {
			if (newReducedTo == null || newReducedTo.isBlank()) {
				throw new InvalidInputException("item.reduced-role-required", "reducing access needs the lesser role",
						java.util.Map.of("reducedTo", "required"));
			}
			role = newReducedTo.strip();
			if (role.length() > MAX_ROLE) {
				throw new InvalidInputException("item.reduced-role-too-long",
						"the role is longer than " + MAX_ROLE + " characters");
			}
			if (role.equals(entitlement)) {
				throw new InvalidInputException("item.reduce-unchanged", "the grant already has the role " + role);
			}
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.decision = newDecision;
		this.reducedTo = role;
		this.justification = why;
		this.decidedBy = actor;
		this.decidedAt = now;
		registerEvent(new ItemDecided(id, campaignId, grantId, newDecision, role, why, actor, now));
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
			throw new InvalidStateException("item.undecided",
					"the item " + entitlement + " of " + personName + " on " + systemName + " is not decided yet");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (rule == UnansweredRule.REVOKE) {
			this.decision = Decision.REVOKE;
			this.reducedTo = null;
			this.justification = "Unanswered at close-out: the campaign's rule revokes access nobody confirmed.";
			this.decidedBy = SYSTEM_ACTOR;
			this.decidedAt = now;
			this.closure = Closure.REVOKED_UNANSWERED;
			requestRemediationIfNeeded(SYSTEM_ACTOR, now);
		}
		else {
			this.decision = null;
			this.reducedTo = null;
			this.justification = null;
			this.decidedBy = null;
			this.decidedAt = null;
			this.closure = Closure.CARRIED_OVER;
		}
		return true;
	}

	private void requestRemediationIfNeeded(String actor, Instant now) {
		if (decision != null && decision.changesAccess()) {
			this.remediationStatus = RemediationStatus.PENDING;
			registerEvent(new GrantRevocationRequested(id, campaignId, grantId, systemId, connector, decision,
					reducedTo, actor, now));
		}
	}

	/**
	 * Records that the change was made on the system, with proof. Refuses unless
	 * remediation is pending.
	 */
	public void markRemediated(String proof, String actor, Clock clock) {
		settleRemediation(RemediationStatus.REMEDIATED, proof, "a note proving the change is required", actor, clock);
	}

	/**
	 * Records that a compliance lead accepts the change not being made. Refuses unless
	 * remediation is pending.
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
		requireNote(note, "a note proving the change is required");
	}

	/**
	 * Refuses, before anything changes, a removal confirmed by hand by someone who is
	 * neither the system's owner nor a compliance lead ({@code ownerOrLead} false), on a
	 * system remediated through its connector, or without a note saying how.
	 */
	public void checkManualRemoval(String note, String actor, boolean ownerOrLead) {
		if (!ownerOrLead) {
			throw new ReviewDeniedException("remediation.not-owner",
					actor + " is neither the owner of " + systemName + " nor a compliance lead");
		}
		if (!isManualRemediation()) {
			throw new InvalidStateException("remediation.automatic",
					systemName + " is remediated through its connector; the removal is verified automatically");
		}
		requireNote(note, "a note saying how the access was removed is required");
	}

	/**
	 * Refuses a removal through a connector on a system that has none: its owner removes
	 * access by hand.
	 */
	public void requireConnector() {
		if (connector == ConnectorType.MANUAL) {
			throw new InvalidStateException("remediation.manual-system",
					systemName + " has no connector: its owner removes access by hand");
		}
	}

	/**
	 * Refuses a comment from anyone but the item's reviewer or a compliance lead
	 * ({@code complianceLead}).
	 */
	public void requireCommenter(String actor, boolean complianceLead) {
		if (!complianceLead && !Objects.equals(actor, reviewerUsername)) {
			throw new ReviewDeniedException("item.not-reviewer", "the item " + id + " is not assigned to " + actor);
		}
	}

	/** A revoke or reduce waits for its change on the system. */
	public boolean isRemediationPending() {
		return remediationStatus == RemediationStatus.PENDING;
	}

	/** The revoke or reduce was made, or not making it was accepted. */
	public boolean isRemediationSettled() {
		return remediationStatus == RemediationStatus.REMEDIATED || remediationStatus == RemediationStatus.ACCEPTED;
	}

	private void requireNotHolder(String actor, RemediationStatus target) {
		if (actor != null && actor.equals(personUsername)) {
			throw new ReviewDeniedException("remediation.own-access",
					actor + " cannot "
							+ (target == RemediationStatus.ACCEPTED ? "accept keeping" : "confirm the removal of")
							+ " their own access");
		}
	}

	private void requirePendingRemediation() {
		if (remediationStatus != RemediationStatus.PENDING) {
			throw new InvalidStateException("item.remediation-not-pending", "the item " + entitlement + " of "
					+ personName + " on " + systemName + " has no pending remediation (" + remediationStatus + ")");
		}
	}

	private static void requireNote(String note, String missing) {
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("item.remediation-note-required", missing,
					java.util.Map.of("note", "required"));
		}
	}

	private void settleRemediation(RemediationStatus target, String note, String missing, String actor, Clock clock) {
		requireNotHolder(actor, target);
		requirePendingRemediation();
		requireNote(note, missing);
		String cleanNote = note.strip();
		if (cleanNote.length() > MAX_TEXT) {
			throw new InvalidInputException("item.remediation-note-too-long",
					"the note is longer than " + MAX_TEXT + " characters");
		}
		if (actor == null || actor.isBlank()) {
			throw new InvalidInputException("item.actor-required", "actor is required");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.remediationStatus = target;
		this.remediationNote = cleanNote;
		this.remediatedBy = actor.strip();
		this.remediatedAt = now;
		registerEvent(new ItemRemediated(id, campaignId, grantId, target, cleanNote, remediatedBy, now));
	}

	/**
	 * Sends a pending revocation on a system with a connector to its owner by hand,
	 * recording why (e.g. no connector is configured). Registers
	 * {@link RemediationRoutedToManual} the first time; later calls change nothing.
	 */
	public void routeToManual(String reason, Clock clock) {
		requirePendingRemediation();
		if (manualRemediationReason != null) {
			return;
		}
		String why = reason == null || reason.isBlank() ? "no connector available" : reason.strip();
		this.manualRemediationReason = why.length() <= 500 ? why : why.substring(0, 499) + "…";
		registerEvent(new RemediationRoutedToManual(id, campaignId, connector, manualRemediationReason,
				clock.instant().truncatedTo(ChronoUnit.MICROS)));
	}

	/**
	 * Removed by a person rather than a connector: a system without connector, or one
	 * routed to its owner.
	 */
	public boolean isManualRemediation() {
		return connector == ConnectorType.MANUAL || manualRemediationReason != null;
	}

	/**
	 * Why a revocation on a system with a connector is carried out by hand (null when it
	 * is not).
	 */
	public String getManualRemediationReason() {
		return manualRemediationReason;
	}

	/** Moves an unsubmitted item to another reviewer, who must not be the holder. */
	public void reassign(PersonId newReviewerId, String newReviewerUsername) {
		requireUnsubmitted();
		Objects.requireNonNull(newReviewerId, "newReviewerId");
		if (newReviewerId.equals(personId)) {
			throw new ReviewDeniedException("item.self-review", personName + " cannot review their own access");
		}
		if (newReviewerUsername == null || newReviewerUsername.isBlank()) {
			throw new InvalidInputException("item.reviewer-without-login", "the new reviewer has no login");
		}
		this.reviewerId = newReviewerId;
		this.reviewerUsername = newReviewerUsername;
		this.routing = Routing.REASSIGNED;
		this.decision = null;
		this.reducedTo = null;
		this.justification = null;
		this.decidedBy = null;
		this.decidedAt = null;
	}

	private void requireReviewer(PersonId actorId, String actor) {
		if ((actorId != null && actorId.equals(personId)) || (actor != null && actor.equals(personUsername))) {
			throw new ReviewDeniedException("item.self-review", actor + " cannot review their own access");
		}
		if (actorId == null || !actorId.equals(reviewerId)) {
			throw new ReviewDeniedException("item.not-reviewer", "the item " + id + " is not assigned to " + actor);
		}
	}

	private void requireUnsubmitted() {
		if (closure != null) {
			throw new InvalidStateException(submitted ? "item.submitted" : "item.settled",
					"the item " + entitlement + " of " + personName + " on " + systemName + " is already "
							+ (submitted ? "submitted" : "settled (" + closure + ")"));
		}
	}

	/** Decided and submitted, or settled by the unanswered rule. */
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

	public GrantId getGrantId() {
		return grantId;
	}

	public PersonId getPersonId() {
		return personId;
	}

	public String getPersonName() {
		return personName;
	}

	public String getPersonUsername() {
		return personUsername;
	}

	public EmploymentStatus getPersonStatus() {
		return personStatus;
	}

	public EmploymentType getPersonType() {
		return personType;
	}

	public LocalDate getPersonEndDate() {
		return personEndDate;
	}

	public PersonId getPersonManagerId() {
		return personManagerId;
	}

	public SystemId getSystemId() {
		return systemId;
	}

	public String getSystemName() {
		return systemName;
	}

	public PersonId getSystemOwnerId() {
		return systemOwnerId;
	}

	public ConnectorType getConnector() {
		return connector;
	}

	public String getEntitlement() {
		return entitlement;
	}

	public boolean isPrivileged() {
		return privileged;
	}

	public Instant getGrantedAt() {
		return grantedAt;
	}

	public Instant getLastUsedAt() {
		return lastUsedAt;
	}

	public boolean isDormant() {
		return dormant;
	}

	public boolean isOrphan() {
		return orphan;
	}

	public boolean isContractorExpired() {
		return contractorExpired;
	}

	/** Not in the previous campaign (every item of a first campaign is new). */
	public boolean isNew() {
		return isNew;
	}

	/** The previous campaign carried this grant over unanswered. */
	public boolean isCarriedOver() {
		return carriedOver;
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

	public Decision getDecision() {
		return decision;
	}

	public String getReducedTo() {
		return reducedTo;
	}

	public String getJustification() {
		return justification;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
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

	public RemediationStatus getRemediationStatus() {
		return remediationStatus;
	}

	public String getRemediatedBy() {
		return remediatedBy;
	}

	public Instant getRemediatedAt() {
		return remediatedAt;
	}

	public String getRemediationNote() {
		return remediationNote;
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
		return "ReviewItem[" + personName + ", " + systemName + ", " + entitlement + ", " + decision + "]";
	}

}
