package io.trunkguard.access;

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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A person's access on a system with one role or entitlement. Active until revoked;
 * revocation and reduction go through this aggregate, which refuses them when the grant
 * is no longer active and records reason and actor.
 */
@Entity
@Table(name = "access_grant")
public class AccessGrant extends AbstractAggregateRoot<AccessGrant> {

	/** Grants unused for longer than this are dormant. */
	public static final Duration DEFAULT_DORMANCY = Duration.ofDays(90);

	static final int MAX_REASON_LENGTH = 1000;

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private GrantId id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "person_id", nullable = false))
	private PersonId personId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "system_id", nullable = false))
	private SystemId systemId;

	@Column(nullable = false, length = 120)
	private String entitlement;

	@Column(nullable = false)
	private boolean privileged;

	@Column(name = "granted_at", nullable = false)
	private Instant grantedAt;

	@Column(name = "granted_by", nullable = false, length = 100)
	private String grantedBy;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private GrantStatus status;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by", length = 100)
	private String revokedBy;

	@Column(name = "revocation_reason", length = MAX_REASON_LENGTH)
	private String revocationReason;

	protected AccessGrant() {
		// for JPA
	}

	/**
	 * A new active grant; registers {@link GrantIssued}.
	 * @param grantedAt when the access was given (may be in the past for grants recorded
	 * after the fact)
	 * @param grantedBy who records the grant (the actor of the audit entry)
	 * @param recordedAt now: when the grant is recorded
	 */
	public static AccessGrant issue(GrantId id, PersonId personId, SystemId systemId, String entitlement,
			boolean privileged, Instant grantedAt, String grantedBy, Instant lastUsedAt, Instant recordedAt) {
		AccessGrant grant = new AccessGrant();
		grant.id = Objects.requireNonNull(id, "id");
		grant.personId = Objects.requireNonNull(personId, "personId");
		grant.systemId = Objects.requireNonNull(systemId, "systemId");
		grant.entitlement = requireText(entitlement, "entitlement");
		grant.privileged = privileged;
		grant.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt").truncatedTo(ChronoUnit.MICROS);
		grant.grantedBy = requireText(grantedBy, "grantedBy");
		if (grantedAt.isAfter(recordedAt)) {
			throw new InvalidInputException("grant.granted-in-future",
					"The grant date " + grantedAt + " lies in the future.");
		}
		if (lastUsedAt != null && lastUsedAt.isBefore(grantedAt)) {
			throw new InvalidInputException("grant.used-before-granted",
					"Last use " + lastUsedAt + " is before the grant " + grantedAt + ".");
		}
		grant.lastUsedAt = lastUsedAt == null ? null : lastUsedAt.truncatedTo(ChronoUnit.MICROS);
		grant.status = GrantStatus.ACTIVE;
		grant.registerEvent(new GrantIssued(id, personId, systemId, grant.entitlement, privileged, grant.grantedBy,
				recordedAt.truncatedTo(ChronoUnit.MICROS)));
		return grant;
	}

	/**
	 * Revokes the grant. Refuses if it is not active ({@link InvalidStateException}) or
	 * the reason is blank ({@link InvalidInputException}). Registers
	 * {@link GrantRevoked}.
	 */
	public void revoke(String reason, String actor, Clock clock) {
		requireActive("revoke");
		String why = requireReason(reason);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.status = GrantStatus.REVOKED;
		this.revokedAt = now;
		this.revokedBy = requireText(actor, "actor");
		this.revocationReason = why;
		registerEvent(new GrantRevoked(id, personId, systemId, entitlement, why, revokedBy, now));
	}

	/**
	 * Reduces the grant to a lesser entitlement (the outcome "reduce" of an access
	 * review). Refuses if the grant is not active, the entitlement does not change, or a
	 * non-privileged grant would become privileged. Registers {@link GrantReduced}.
	 */
	public void reduce(String newEntitlement, boolean newPrivileged, String reason, String actor, Clock clock) {
		requireActive("reduce");
		String target = requireText(newEntitlement, "newEntitlement");
		String why = requireReason(reason);
		if (target.equals(entitlement)) {
			throw new InvalidInputException("grant.reduce-unchanged",
					"The grant already has the entitlement " + target + ".");
		}
		if (newPrivileged && !privileged) {
			throw new InvalidInputException("grant.reduce-escalates", "Reducing a grant cannot make it privileged.");
		}
		String previous = entitlement;
		this.entitlement = target;
		this.privileged = newPrivileged;
		registerEvent(new GrantReduced(id, personId, systemId, previous, target, newPrivileged, why,
				requireText(actor, "actor"), clock.instant().truncatedTo(ChronoUnit.MICROS)));
	}

	/**
	 * Records an observed use (from a connector's sign-in log); older observations than
	 * the current one are ignored.
	 */
	public void recordUse(Instant usedAt) {
		Objects.requireNonNull(usedAt, "usedAt");
		if (lastUsedAt == null || usedAt.isAfter(lastUsedAt)) {
			this.lastUsedAt = usedAt.truncatedTo(ChronoUnit.MICROS);
		}
	}

	public boolean isActive() {
		return status == GrantStatus.ACTIVE;
	}

	/**
	 * Active and not used within {@code threshold} before {@code now} (never used counts
	 * from the grant date).
	 */
	public boolean isDormant(Instant now, Duration threshold) {
		Instant reference = lastUsedAt != null ? lastUsedAt : grantedAt;
		return isActive() && reference.isBefore(now.minus(threshold));
	}

	private void requireActive(String action) {
		if (status != GrantStatus.ACTIVE) {
			throw new InvalidStateException("grant.not-active", "Cannot " + action + " the role " + entitlement
					+ ": it was already revoked on " + revokedAt + " by " + revokedBy + ".");
		}
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("grant.reason-required", "A reason is required.");
		}
		String trimmed = reason.strip();
		if (trimmed.length() > MAX_REASON_LENGTH) {
			throw new InvalidInputException("grant.reason-too-long",
					"The reason is longer than " + MAX_REASON_LENGTH + " characters.");
		}
		return trimmed;
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("grant." + name + "-required", "The " + name + " is required.");
		}
		return value.strip();
	}

	public GrantId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public PersonId getPersonId() {
		return personId;
	}

	public SystemId getSystemId() {
		return systemId;
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

	public String getGrantedBy() {
		return grantedBy;
	}

	public Instant getLastUsedAt() {
		return lastUsedAt;
	}

	public GrantStatus getStatus() {
		return status;
	}

	public Instant getRevokedAt() {
		return revokedAt;
	}

	public String getRevokedBy() {
		return revokedBy;
	}

	public String getRevocationReason() {
		return revocationReason;
	}

	/**
	 * The events registered and not yet published (for tests of the aggregate's rules).
	 */
	java.util.List<Object> pendingEvents() {
		return java.util.List.copyOf(domainEvents());
	}

	/** Forgets the registered events (for tests of the aggregate's rules). */
	void forgetEvents() {
		clearDomainEvents();
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof AccessGrant other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "AccessGrant[" + id + ", " + entitlement + ", " + status + "]";
	}

}
