package io.trunkguard.review;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A quarterly access review. Its items ({@link ReviewItem}, referenced by campaign id)
 * are frozen at start. The campaign guards its life cycle: decisions only while reviews
 * run, {@link #close} only when every item is settled, {@link #signOff} only after close
 * and never by a lead who reviewed their own access in it.
 */
@Entity
@Table(name = "review_campaign")
public class ReviewCampaign extends AbstractAggregateRoot<ReviewCampaign> {

	static final int MAX_NAME = 200;
	static final int MAX_NOTE = 2000;
	static final Duration MAX_LENGTH = Duration.ofDays(366);

	/**
	 * The shortest time from start to deadline: reviewers need working days to decide.
	 */
	public static final Duration MIN_LENGTH = Duration.ofDays(3);

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private CampaignId id;

	@Version
	private Long version;

	@Column(nullable = false, length = MAX_NAME)
	private String name;

	/** The quarter reviewed, e.g. {@code 2026-Q4}. */
	@Column(nullable = false, length = 20)
	private String period;

	@Column(nullable = false)
	private Instant deadline;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private CampaignStatus status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "unanswered_rule", nullable = false, length = 20)
	private UnansweredRule unansweredRule;

	@Column(name = "dormant_after_days", nullable = false)
	private int dormantAfterDays;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "previous_campaign_id"))
	private CampaignId previousCampaignId;

	@Column(name = "item_count", nullable = false)
	private int itemCount;

	@Column(name = "started_by", nullable = false, length = 100)
	private String startedBy;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	/**
	 * When reviewing ended (close-out: the unanswered rule was applied); null while
	 * reviewers may still decide.
	 */
	@Column(name = "reviews_ended_at")
	private Instant reviewsEndedAt;

	@Column(name = "closed_by", length = 100)
	private String closedBy;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "signed_off_by", length = 100)
	private String signedOffBy;

	@Column(name = "signed_off_at")
	private Instant signedOffAt;

	@Column(name = "sign_off_note", length = MAX_NOTE)
	private String signOffNote;

	/**
	 * Why the campaign was started while another campaign of the same quarter still took
	 * decisions on the same grants; null when it did not overlap.
	 */
	@Column(name = "overlap_reason", length = MAX_NOTE)
	private String overlapReason;

	/** Who ended reviewing before the close-out; null unless ended early. */
	@Column(name = "ended_early_by", length = 100)
	private String endedEarlyBy;

	@Column(name = "early_end_reason", length = MAX_NOTE)
	private String earlyEndReason;

	protected ReviewCampaign() {
		// for JPA
	}

	/**
	 * A new, open campaign. Refuses a blank or too long name and a deadline that is not
	 * in the future or more than a year away. Does not register {@link CampaignStarted}:
	 * the scope is frozen afterwards ({@link #scopeFrozen}).
	 */
	public static ReviewCampaign open(CampaignId id, String name, Instant deadline, UnansweredRule rule,
			Duration dormantAfter, CampaignId previousCampaignId, String actor, Clock clock) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ReviewCampaign campaign = new ReviewCampaign();
		campaign.id = Objects.requireNonNull(id, "id");
		campaign.name = requireText(name, "name", MAX_NAME);
		checkDeadline(deadline, now);
		campaign.deadline = deadline.truncatedTo(ChronoUnit.MICROS);
		campaign.unansweredRule = Objects.requireNonNull(rule, "unansweredRule");
		if (dormantAfter == null || dormantAfter.isNegative() || dormantAfter.isZero()) {
			throw new InvalidInputException("campaign.dormancy-invalid", "The dormancy threshold must be positive.");
		}
		campaign.dormantAfterDays = (int) dormantAfter.toDays();
		campaign.previousCampaignId = previousCampaignId;
		campaign.period = quarterOf(now);
		campaign.startedBy = requireText(actor, "actor", 100);
		campaign.startedAt = now;
		campaign.status = CampaignStatus.OPEN;
		return campaign;
	}

	/** Records the frozen scope and registers {@link CampaignStarted}. */
	void scopeFrozen(int items, int reviewers) {
		this.itemCount = items;
		registerEvent(new CampaignStarted(id, name, period, deadline, unansweredRule, items, reviewers, startedBy,
				startedAt, overlapReason));
	}

	/**
	 * Records why this campaign runs beside another of the same quarter over the same
	 * grants (required then, and kept with the campaign and its audit entry).
	 */
	void overlapJustified(String reason) {
		this.overlapReason = requireText(reason, "overlapReason", MAX_NOTE);
	}

	/**
	 * A compliance lead ends reviewing before the close-out, with a justification:
	 * afterwards no reviewer may decide, and the unanswered rule settles every open item.
	 * Refuses unless the campaign is open and still reviewing.
	 */
	void endEarly(String justification, String actor, Clock clock) {
		requireReviewing();
		String why = justification == null ? null : justification.strip();
		if (why == null || why.isEmpty()) {
			throw new InvalidInputException("campaign.early-end-justification-required",
					"Say why reviewing of campaign " + name + " ends before its deadline.");
		}
		if (why.length() > MAX_NOTE) {
			throw new InvalidInputException("campaign.note-too-long",
					"The justification is longer than " + MAX_NOTE + " characters.");
		}
		this.earlyEndReason = why;
		this.endedEarlyBy = requireText(actor, "actor", 100);
		this.reviewsEndedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** The quarter an instant falls in (UTC), e.g. {@code 2026-Q4}. */
	static String quarterOf(Instant instant) {
		ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
		return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
	}

	/** Open: not yet closed (reviewers may be reminded and escalated). */
	public boolean isOpen() {
		return status == CampaignStatus.OPEN;
	}

	/** Refuses unless the campaign is signed off (its report needs the sign-off). */
	public void requireSignedOff() {
		if (status != CampaignStatus.SIGNED_OFF) {
			throw new InvalidStateException("campaign.not-signed-off",
					"The report of campaign " + name + " needs its sign-off.");
		}
	}

	/** Refuses unless reviewers may still decide and submit. */
	public void requireReviewing() {
		if (status != CampaignStatus.OPEN || reviewsEndedAt != null) {
			throw new InvalidStateException("campaign.reviews-ended",
					"Campaign " + name + " no longer takes decisions ("
							+ (reviewsEndedAt != null ? "closed out on " + reviewsEndedAt : status) + ").");
		}
	}

	/**
	 * Ends reviewing (close-out): afterwards the unanswered rule has settled every open
	 * item. Idempotent.
	 */
	void endReviews(Clock clock) {
		if (status != CampaignStatus.OPEN) {
			throw new InvalidStateException("campaign.not-open",
					"Campaign " + name + " is " + io.trunkguard.shared.Labels.label(status) + ".");
		}
		if (reviewsEndedAt == null) {
			reviewsEndedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
		}
	}

	/**
	 * Closes the campaign. Refuses unless it is open, every item is decided
	 * ({@code undecidedItems} 0: submitted or settled by the unanswered rule) and every
	 * revocation is remediated or accepted ({@code unremediatedItems} 0). Registers
	 * {@link CampaignClosed}.
	 */
	public void close(long undecidedItems, long unremediatedItems, String actor, Clock clock) {
		if (status != CampaignStatus.OPEN) {
			throw new InvalidStateException("campaign.not-open",
					"Campaign " + name + " is already " + io.trunkguard.shared.Labels.label(status) + ".");
		}
		if (undecidedItems > 0) {
			throw new InvalidStateException("campaign.items-undecided",
					"Campaign " + name + " cannot close: " + undecidedItems + " item(s) are not decided yet.");
		}
		if (unremediatedItems > 0) {
			throw new InvalidStateException("campaign.items-unremediated", "Campaign " + name + " cannot close: "
					+ unremediatedItems + " revocation(s) are neither remediated nor accepted.");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (reviewsEndedAt == null) {
			reviewsEndedAt = now;
		}
		status = CampaignStatus.CLOSED;
		closedBy = requireText(actor, "actor", 100);
		closedAt = now;
		registerEvent(new CampaignClosed(id, closedBy, now));
	}

	/**
	 * Signs the campaign off. Refuses unless it is closed, and refuses a lead who
	 * reviewed their own access in it ({@code signerReviewedOwnAccess}). Registers
	 * {@link CampaignSignedOff}.
	 */
	public void signOff(String signer, boolean signerReviewedOwnAccess, String note, Clock clock) {
		if (status != CampaignStatus.CLOSED) {
			throw new InvalidStateException("campaign.not-closed", "Campaign " + name + " is "
					+ io.trunkguard.shared.Labels.label(status) + ": only a closed campaign can be signed off.");
		}
		String who = requireText(signer, "signer", 100);
		if (signerReviewedOwnAccess) {
			throw new InvalidStateException("campaign.sign-off-own-access",
					who + " reviewed their own access in campaign " + name + " and cannot sign it off.");
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw new InvalidInputException("campaign.note-too-long",
					"The note is longer than " + MAX_NOTE + " characters.");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		status = CampaignStatus.SIGNED_OFF;
		signedOffBy = who;
		signedOffAt = now;
		signOffNote = cleanNote;
		registerEvent(new CampaignSignedOff(id, who, cleanNote, now));
	}

	/**
	 * Refuses a deadline that is not in the future or more than a year away from
	 * {@code now}.
	 */
	static void checkDeadline(Instant deadline, Instant now) {
		Objects.requireNonNull(deadline, "deadline");
		if (!deadline.isAfter(now)) {
			throw new InvalidInputException("campaign.deadline-past",
					"The deadline " + deadline + " is not in the future.");
		}
		if (deadline.isBefore(now.plus(MIN_LENGTH))) {
			throw new InvalidInputException("campaign.deadline-too-soon",
					"The deadline " + ReviewTime.describe(deadline) + " is less than " + MIN_LENGTH.toDays()
							+ " days away: give reviewers at least " + MIN_LENGTH.toDays() + " days to decide.");
		}
		if (deadline.isAfter(now.plus(MAX_LENGTH))) {
			throw new InvalidInputException("campaign.deadline-too-far",
					"The deadline " + deadline + " is more than a year away.");
		}
	}

	/**
	 * Refuses the terms {@link #open} would refuse: a blank or too long name, a deadline
	 * out of range.
	 */
	static void checkTerms(String name, Instant deadline, Instant now) {
		requireText(name, "name", MAX_NAME);
		checkDeadline(deadline, now);
	}

	private static String requireText(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("campaign." + field + "-required", "The " + field + " is required.");
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw new InvalidInputException("campaign." + field + "-too-long",
					field + " is longer than " + max + " characters.");
		}
		return trimmed;
	}

	public CampaignId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	public String getPeriod() {
		return period;
	}

	public Instant getDeadline() {
		return deadline;
	}

	public CampaignStatus getStatus() {
		return status;
	}

	public UnansweredRule getUnansweredRule() {
		return unansweredRule;
	}

	public Duration getDormantAfter() {
		return Duration.ofDays(dormantAfterDays);
	}

	public CampaignId getPreviousCampaignId() {
		return previousCampaignId;
	}

	public int getItemCount() {
		return itemCount;
	}

	public String getStartedBy() {
		return startedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getReviewsEndedAt() {
		return reviewsEndedAt;
	}

	public String getClosedBy() {
		return closedBy;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getSignedOffBy() {
		return signedOffBy;
	}

	public Instant getSignedOffAt() {
		return signedOffAt;
	}

	public String getSignOffNote() {
		return signOffNote;
	}

	public String getOverlapReason() {
		return overlapReason;
	}

	public String getEndedEarlyBy() {
		return endedEarlyBy;
	}

	public String getEarlyEndReason() {
		return earlyEndReason;
	}

	/** Whether a lead ended reviewing before the close-out. */
	public boolean isEndedEarly() {
		return endedEarlyBy != null;
	}

	/** The events registered and not yet published (for tests of the aggregate). */
	java.util.List<Object> pendingEvents() {
		return java.util.List.copyOf(domainEvents());
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof ReviewCampaign other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "ReviewCampaign[" + name + ", " + status + "]";
	}

}
