package io.trunkguard.mfa;

import io.trunkguard.access.SystemId;
import io.trunkguard.shared.InvalidInputException;
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

import java.time.Instant;
import java.util.UUID;

/**
 * A task for a system owner: a privileged person on their system has no second factor, or
 * the login does not require one. Closed by the owner (or a compliance lead) with a note,
 * never by the person it is about, or by the next read that finds it fixed.
 */
@Entity
@Table(name = "mfa_exception")
public class MfaException {

	public enum Status {

		OPEN, CLOSED

	}

	/** Closes exceptions that a later read found fixed. */
	public static final String READ_ACTOR = "system:mfa-read";

	@Id
	private UUID id;

	@Column(nullable = false, length = 200)
	private String username;

	@Column(name = "person_name", nullable = false, length = 300)
	private String personName;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "system_id"))
	private SystemId systemId;

	@Column(name = "system_name", nullable = false, length = 200)
	private String systemName;

	@Column(nullable = false, length = 300)
	private String role;

	@Column(name = "owner_username", length = 200)
	private String ownerUsername;

	@Column(name = "owner_name", nullable = false, length = 300)
	private String ownerName;

	@Column(nullable = false, length = 2000)
	private String reason;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Status status;

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	@Column(name = "opened_by_read", nullable = false)
	private UUID openedByRead;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by", length = 200)
	private String closedBy;

	@Column(name = "close_note", length = 2000)
	private String closeNote;

	@Version
	private Long version;

	protected MfaException() {
	}

	MfaException(UUID id, String username, String personName, SystemId systemId, String systemName, String role,
			String ownerUsername, String ownerName, String reason, UUID readId, Instant now) {
		this.id = id;
		this.username = username;
		this.personName = personName;
		this.systemId = systemId;
		this.systemName = systemName;
		this.role = role;
		this.ownerUsername = ownerUsername;
		this.ownerName = ownerName;
		this.reason = reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
		this.status = Status.OPEN;
		this.openedAt = now;
		this.openedByRead = readId;
	}

	/** Whether this is the same finding: the same person, system and role. */
	boolean concerns(String username, String systemName, String role) {
		return this.username.equalsIgnoreCase(username) && this.systemName.equals(systemName) && this.role.equals(role);
	}

	/**
	 * Closes the task with a note. Refused when it is closed already, without a note, or
	 * by the person it is about.
	 */
	void close(String note, String actor, Instant now) {
		if (status == Status.CLOSED) {
			throw new InvalidStateException("mfa-exception.closed",
					"The exception about " + getPersonNamed() + " on " + systemName + " is already closed.");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException(
					"mfa-exception.note-missing", "Say in a note what was done about the second factor of "
							+ getPersonNamed() + " on " + systemName + ".",
					java.util.Map.of("note", "a note is required"));
		}
		if (note.length() > 2000) {
			throw new InvalidInputException("mfa-exception.note-too-long", "The note is longer than 2,000 characters.",
					java.util.Map.of("note", "at most 2,000 characters"));
		}
		if (actor.equalsIgnoreCase(username)) {
			throw new InvalidStateException("mfa-exception.own",
					"The exception is about your own account: the system owner or a compliance lead closes it.");
		}
		this.status = Status.CLOSED;
		this.closedAt = now;
		this.closedBy = actor;
		this.closeNote = note.strip();
	}

	/** Whether {@code actor} is the owner this task is for. */
	public boolean isOwnedBy(String actor) {
		return ownerUsername != null && ownerUsername.equalsIgnoreCase(actor);
	}

	/** The task's name: person, system and role. */
	public String getTitle() {
		return "Second factor of " + getPersonNamed() + " on " + systemName + " (" + role + ")";
	}

	/**
	 * "Full Name (username)" of the owner, or who answers instead ("the compliance
	 * leads").
	 */
	public String getOwnerNamed() {
		return ownerUsername == null || ownerName.equals(ownerUsername) ? ownerName
				: ownerName + " (" + ownerUsername + ")";
	}

	public String getPersonNamed() {
		return personName.equals(username) ? username : personName + " (" + username + ")";
	}

	public UUID getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getPersonName() {
		return personName;
	}

	public SystemId getSystemId() {
		return systemId;
	}

	public String getSystemName() {
		return systemName;
	}

	public String getRole() {
		return role;
	}

	public String getOwnerUsername() {
		return ownerUsername;
	}

	public String getOwnerName() {
		return ownerName;
	}

	public String getReason() {
		return reason;
	}

	public Status getStatus() {
		return status;
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public UUID getOpenedByRead() {
		return openedByRead;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getClosedBy() {
		return closedBy;
	}

	public String getCloseNote() {
		return closeNote;
	}

}
