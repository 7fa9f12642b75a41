package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.InvalidStateException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deprovisioning of one person after a termination event: every receipt of the event,
 * every access removed (when, by whom or what, against which SLA), the verification, and
 * the time from the HR event to the last access removed. A case completes only on a
 * passed verification and is never reopened.
 */
@Entity
@Table(name = "deprovisioning_case")
public class DeprovisioningCase extends AbstractAggregateRoot<DeprovisioningCase> {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private DeprovisioningCaseId id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "person_id", nullable = false))
	private PersonId personId;

	/**
	 * The person while the case is open, null after: a unique column, so one person has
	 * at most one open case.
	 */
	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "open_person_id"))
	private PersonId openPersonId;

	@Column(name = "hr_id", nullable = false, length = 64)
	private String hrId;

	@Column(length = 100)
	private String username;

	/**
	 * The id of the event that opened the case (unique: the same event never opens two
	 * cases).
	 */
	@Column(name = "event_id", nullable = false, length = 200)
	private String eventId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private TerminationSource source;

	@Column(name = "effective_at", nullable = false)
	private Instant effectiveAt;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private CaseStatus status;

	@Column(name = "verification_attempts", nullable = false)
	private int verificationAttempts;

	@Column(name = "last_access_removed_at")
	private Instant lastAccessRemovedAt;

	@Column(name = "time_to_deprovision_seconds")
	private Long timeToDeprovisionSeconds;

	@Column(name = "sla_met")
	private Boolean slaMet;

	@Column(name = "completed_at")
	private Instant completedAt;

	/**
	 * Appending a receipt does not bump the case's version, so a duplicate event arriving
	 * while a step runs does not make that step fail and retry; two receipts appended at
	 * once collide on (case_id, seq) and one is retried.
	 */
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@OptimisticLock(excluded = true)
	@CollectionTable(name = "deprovisioning_receipt", joinColumns = @JoinColumn(name = "case_id"))
	@OrderColumn(name = "seq")
	private List<Receipt> receipts = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "deprovisioning_step", joinColumns = @JoinColumn(name = "case_id"))
	@OrderColumn(name = "seq")
	private List<Step> steps = new ArrayList<>();

	/** The actor of steps the case's own logic takes. */
	public static final String SYSTEM_ACTOR = "system:deprovisioning";

	/** The actor of a local sign-in disabled without identity provider. */
	public static final String LOCAL_SIGN_IN_ACTOR = "system:local-sign-in";
	static final String NO_IDP_CONSEQUENCE = "no identity provider is configured: grants on systems with the Keycloak connector go to their owners";

	protected DeprovisioningCase() {
		// for JPA
	}

	/**
	 * Opens a case for {@code personId} on a termination event; registers
	 * {@link DeprovisioningCaseOpened}.
	 */
	public static DeprovisioningCase open(DeprovisioningCaseId id, PersonId personId, String username,
			TerminationNotice notice, Instant now) {
		DeprovisioningCase c = new DeprovisioningCase();
		c.id = Objects.requireNonNull(id, "id");
		c.personId = Objects.requireNonNull(personId, "personId");
		c.openPersonId = personId;
		c.hrId = notice.hrId();
		c.username = username;
		c.eventId = notice.eventId();
		c.source = notice.source();
		c.effectiveAt = notice.effectiveAt().truncatedTo(ChronoUnit.MICROS);
		c.receivedAt = now.truncatedTo(ChronoUnit.MICROS);
		c.status = CaseStatus.OPEN;
		c.receipts.add(new Receipt(notice, personId, c.receivedAt, false));
		c.registerEvent(new DeprovisioningCaseOpened(id, personId, c.hrId, c.eventId, c.source, c.effectiveAt,
				notice.receivedBy(), c.receivedAt));
		return c;
	}

	/**
	 * Records another delivery of the same termination; registers
	 * {@link TerminationReceiptRecorded}. An event that names another person than this
	 * case's is refused: its id is already bound to this case's person.
	 */
	public void recordDuplicate(TerminationNotice notice, Instant now) {
		if (!hrId.equals(notice.hrId())) {
			throw new TerminationEventConflictException(notice, this);
		}
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		receipts.add(new Receipt(notice, personId, at, true));
		registerEvent(new TerminationReceiptRecorded(id, notice.eventId(), notice.source(), notice.receivedBy(), at));
	}

	/**
	 * The identity provider account is disabled ({@code existed} false: there was none to
	 * disable).
	 */
	public void recordAccountDisabled(boolean existed, String actor, Instant at) {
		record(new Step(StepKind.ACCOUNT_DISABLED, null, null, null, null, micros(at), actor, null,
				existed ? "account " + username + " disabled" : "no identity provider account to disable"));
	}

	/**
	 * The account is a privileged Trunkguard login: its disabling waits for a second
	 * approver.
	 */
	public void recordAccountDisableHeld(String actor, Instant at) {
		record(new Step(StepKind.ACCOUNT_DISABLE_HELD, null, null, null, null, micros(at), actor, null, username
				+ " holds a privileged Trunkguard login: a second compliance lead or an admin approves its disabling"));
	}

	/** Whether the disabling of the account is held for a second approver. */
	public boolean isAccountDisableHeld() {
		return steps.stream().anyMatch(s -> s.getKind() == StepKind.ACCOUNT_DISABLE_HELD) && steps.stream()
			.noneMatch(s -> s.getKind() == StepKind.ACCOUNT_DISABLED || s.getKind() == StepKind.NO_IDENTITY_PROVIDER);
	}

	/**
	 * Without identity provider: the person's local Trunkguard sign-in was disabled
	 * instead.
	 */
	public void recordLocalSignInDisabled(String actor, Instant at) {
		record(new Step(StepKind.ACCOUNT_DISABLED, null, null, null, null, micros(at), actor, null,
				"local Trunkguard sign-in " + username + " disabled (" + NO_IDP_CONSEQUENCE + ")"));
	}

	/**
	 * Without identity provider and without a local sign-in: nothing to disable, and why.
	 */
	public void recordNoIdentityProvider(String reason, Instant at) {
		record(new Step(StepKind.NO_IDENTITY_PROVIDER, null, null, null, null, micros(at), SYSTEM_ACTOR, null,
				"no identity-provider account configured: " + reason + " (" + NO_IDP_CONSEQUENCE + ")"));
	}

	/**
	 * A compliance lead dealt with the access a failed verification found; {@code note}
	 * says how.
	 */
	public void recordInvestigation(String note, String actor, Instant at) {
		record(new Step(StepKind.INVESTIGATED, null, null, null, null, micros(at), actor, null, note));
	}

	/** Whether the case ran without an identity provider (its account step says so). */
	public boolean ranWithoutIdentityProvider() {
		return steps.stream()
			.anyMatch(s -> s.getKind() == StepKind.NO_IDENTITY_PROVIDER
					|| (s.getKind() == StepKind.ACCOUNT_DISABLED && LOCAL_SIGN_IN_ACTOR.equals(s.getDoneBy())));
	}

	public void recordSessionsEnded(int sessions, String actor, Instant at) {
		record(new Step(StepKind.SESSIONS_ENDED, null, null, null, null, micros(at), actor, null,
				sessions + " session(s) ended"));
	}

	/**
	 * A grant was revoked (at most once per grant: a retried step does not count twice).
	 */
	public void recordGrantRevoked(GrantId grantId, SystemId systemId, String systemName, String entitlement,
			String actor, Instant at, Instant slaDueAt) {
		recordGrantRevoked(grantId, systemId, systemName, entitlement, actor, at, slaDueAt, null);
	}

	/**
	 * A grant was revoked, with the remover's note (e.g. what the system owner did on a
	 * manual system).
	 */
	public void recordGrantRevoked(GrantId grantId, SystemId systemId, String systemName, String entitlement,
			String actor, Instant at, Instant slaDueAt, String note) {
		if (revocationOf(grantId).isPresent()) {
			return;
		}
		record(new Step(StepKind.GRANT_REVOKED, grantId, systemId, systemName, entitlement, micros(at), actor, slaDueAt,
				note));
	}

	/** A manual removal missed its SLA; it went to {@code escalatedTo}. */
	public void recordEscalation(GrantId grantId, SystemId systemId, String systemName, String ownerUsername,
			List<String> escalatedTo, Instant at, Instant slaDueAt) {
		record(new Step(StepKind.ESCALATED, grantId, systemId, systemName, null, micros(at), SYSTEM_ACTOR, slaDueAt,
				"SLA missed, escalated to " + String.join(",", escalatedTo)));
		registerEvent(new DeprovisioningSlaMissed(id, hrId, username, grantId.toString(), systemName, ownerUsername,
				slaDueAt, escalatedTo, micros(at)));
	}

	/** Records a verification; a failed one keeps the case open. */
	public void recordVerification(Verification verification, String actor, Instant at) {
		requireOpen("verify");
		verificationAttempts++;
		record(new Step(verification.passed() ? StepKind.VERIFIED : StepKind.VERIFICATION_FAILED, null, null, null,
				null, micros(at), actor, null, verification.summary()));
	}

	/**
	 * Completes the case on a passed verification: fixes the time of the last access
	 * removed, the time to deprovision and whether every SLA was met. Refuses otherwise.
	 * Registers {@link DeprovisioningCaseCompleted}.
	 */
	public void complete(Verification verification, String actor, Instant now) {
		requireOpen("complete");
		if (!verification.passed()) {
			throw new InvalidStateException("deprovisioning.not-verified",
					"The deprovisioning of " + hrId + " cannot complete: " + verification.summary() + ".");
		}
		this.lastAccessRemovedAt = steps.stream()
			.filter(Step::removesAccess)
			.map(Step::getDoneAt)
			.max(Comparator.naturalOrder())
			.orElse(receivedAt);
		this.timeToDeprovisionSeconds = Math.max(0, Duration.between(effectiveAt, lastAccessRemovedAt).toSeconds());
		this.slaMet = steps.stream().allMatch(Step::metSla)
				&& steps.stream().noneMatch(s -> s.getKind() == StepKind.ESCALATED);
		this.status = CaseStatus.COMPLETED;
		this.completedAt = micros(now);
		this.openPersonId = null;
		registerEvent(new DeprovisioningCaseCompleted(id, effectiveAt, lastAccessRemovedAt,
				timeToDeprovision().orElseThrow(), slaMet, actor, completedAt));
	}

	private void record(Step step) {
		requireOpen("record a step of");
		steps.add(step);
		registerEvent(new DeprovisioningStepRecorded(id, step.getKind(),
				step.getGrantId() == null ? null : step.getGrantId().toString(), step.getSystemName(), step.getNote(),
				step.getDoneBy(), step.getDoneAt()));
	}

	private void requireOpen(String action) {
		if (status != CaseStatus.OPEN) {
			throw new InvalidStateException("deprovisioning.case-closed", "Cannot " + action + " the deprovisioning of "
					+ hrId + ": it is " + io.trunkguard.shared.Labels.label(status) + ".");
		}
	}

	private static Instant micros(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	public Optional<Step> revocationOf(GrantId grantId) {
		return steps.stream()
			.filter(s -> s.getKind() == StepKind.GRANT_REVOKED && grantId.equals(s.getGrantId()))
			.findFirst();
	}

	public boolean isOpen() {
		return status == CaseStatus.OPEN;
	}

	/** Whether a receipt carries this event id. */
	public boolean hasReceived(String eventId) {
		return receipts.stream().anyMatch(r -> r.getEventId().equals(eventId));
	}

	/** Time from the HR event to the last access removed, once completed. */
	public Optional<Duration> timeToDeprovision() {
		return Optional.ofNullable(timeToDeprovisionSeconds).map(Duration::ofSeconds);
	}

	public DeprovisioningCaseId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public PersonId getPersonId() {
		return personId;
	}

	public String getHrId() {
		return hrId;
	}

	public String getUsername() {
		return username;
	}

	public String getEventId() {
		return eventId;
	}

	public TerminationSource getSource() {
		return source;
	}

	/**
	 * When the SLA clock starts: the later of the effective time and the receipt, so an
	 * event that arrives late (or names a time already past) still leaves the SLA to act,
	 * and a termination effective later starts its clock then.
	 */
	public Instant slaStartsAt() {
		return effectiveAt.isAfter(receivedAt) ? effectiveAt : receivedAt;
	}

	public Instant getEffectiveAt() {
		return effectiveAt;
	}

	public Instant getReceivedAt() {
		return receivedAt;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public int getVerificationAttempts() {
		return verificationAttempts;
	}

	public Instant getLastAccessRemovedAt() {
		return lastAccessRemovedAt;
	}

	/** Null until completed. */
	public Boolean getSlaMet() {
		return slaMet;
	}

	public Instant getCompletedAt() {
		return completedAt;
	}

	public List<Receipt> getReceipts() {
		return List.copyOf(receipts);
	}

	public List<Step> getSteps() {
		return List.copyOf(steps);
	}

	/**
	 * The events registered and not yet published (for tests of the aggregate's rules).
	 */
	List<Object> pendingEvents() {
		return List.copyOf(domainEvents());
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof DeprovisioningCase other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "DeprovisioningCase[" + id + ", " + hrId + ", " + status + "]";
	}

}
