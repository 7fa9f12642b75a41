package io.trunkguard.people;

import io.trunkguard.shared.InvalidStateException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A requested change of the login account bound to a person: it takes effect only when
 * someone else approves it, never the requester and never an account it moves. Registers
 * {@link AccountBindingDecided} events for the audit trail.
 */
@Entity
@Table(name = "account_binding_request")
public class AccountBindingRequest extends AbstractAggregateRoot<AccountBindingRequest> {

	/** Where a request stands. */
	public enum Status {

		PENDING, APPROVED, REJECTED

	}

	@Id
	private UUID id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "person_id", nullable = false))
	private PersonId personId;

	@Column(name = "hr_id", nullable = false, length = 64)
	private String hrId;

	@Column(name = "from_username", length = 100)
	private String fromUsername;

	@Column(name = "to_username", length = 100)
	private String toUsername;

	@Column(nullable = false, length = 1000)
	private String reason;

	@Column(name = "requested_by", nullable = false, length = 100)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false)
	private Instant requestedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Status status;

	@Column(name = "decided_by", length = 100)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_note", length = 1000)
	private String decisionNote;

	protected AccountBindingRequest() {
		// for JPA
	}

	static AccountBindingRequest request(Person person, String toUsername, String reason, String actor, Instant now) {
		if (Objects.equals(person.getUsername(), toUsername)) {
			throw new InvalidStateException("person.account-binding-unchanged",
					person.getFullName() + " is already bound to "
							+ (toUsername == null ? "no login account" : "the login account " + toUsername) + ".");
		}
		AccountBindingRequest r = new AccountBindingRequest();
		r.id = UUID.randomUUID();
		r.personId = person.getId();
		r.hrId = person.getHrId();
		r.fromUsername = person.getUsername();
		r.toUsername = toUsername;
		r.reason = reason;
		r.requestedBy = actor;
		r.requestedAt = now.truncatedTo(ChronoUnit.MICROS);
		r.status = Status.PENDING;
		r.registerEvent(new AccountBindingDecided(r, "ACCOUNT_BINDING_REQUESTED", actor, r.requestedAt, null));
		return r;
	}

	/** The accounts this request moves: the one it unbinds and the one it binds. */
	boolean touches(String username) {
		return username != null && (username.equals(fromUsername) || username.equals(toUsername));
	}

	void approve(String actor, Instant now) {
		decide(Status.APPROVED, actor, now, null);
	}

	void reject(String actor, Instant now, String note) {
		decide(Status.REJECTED, actor, now, note);
	}

	private void decide(Status outcome, String actor, Instant now, String note) {
		if (status != Status.PENDING) {
			throw new InvalidStateException("person.account-binding-decided",
					"This account binding request was already " + status.name().toLowerCase() + " by " + decidedBy
							+ ".");
		}
		if (actor.equals(requestedBy)) {
			throw new InvalidStateException("person.account-binding-own-request",
					"A second compliance lead or an admin approves an account binding: " + actor
							+ " requested this one and cannot decide it.");
		}
		if (touches(actor)) {
			throw new InvalidStateException("person.account-binding-own-account",
					actor + " cannot decide a change that moves their own login account.");
		}
		this.status = outcome;
		this.decidedBy = actor;
		this.decidedAt = now.truncatedTo(ChronoUnit.MICROS);
		this.decisionNote = note;
		registerEvent(new AccountBindingDecided(this,
				outcome == Status.APPROVED ? "ACCOUNT_BINDING_APPROVED" : "ACCOUNT_BINDING_REJECTED", actor, decidedAt,
				note));
	}

	public UUID getId() {
		return id;
	}

	public PersonId getPersonId() {
		return personId;
	}

	public String getHrId() {
		return hrId;
	}

	public String getFromUsername() {
		return fromUsername;
	}

	public String getToUsername() {
		return toUsername;
	}

	public String getReason() {
		return reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Status getStatus() {
		return status;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecisionNote() {
		return decisionNote;
	}

}
