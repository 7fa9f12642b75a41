package io.trunkguard.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One mail in the outbox: who it is for, what it says, what it is about (the campaign or
 * case), and how its delivery went. A message is never deleted: a failure is recorded on
 * it and it waits for the next attempt.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

	static final int MAX_BODY = 8000;
	static final int MAX_SUBJECT = 300;
	static final int MAX_ERROR = 1000;

	@Id
	private UUID id;

	@Version
	private Long version;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 40)
	private MessageKind kind;

	@Column(name = "recipient_username", length = 100)
	private String recipientUsername;

	@Column(name = "recipient_name", nullable = false, length = 200)
	private String recipientName;

	@Column(name = "recipient_email", length = 320)
	private String recipientEmail;

	@Column(nullable = false, length = MAX_SUBJECT)
	private String subject;

	@Column(nullable = false, length = MAX_BODY)
	private String body;

	@Column(name = "reference_type", nullable = false, length = 40)
	private String referenceType;

	@Column(name = "reference_id", nullable = false, length = 100)
	private String referenceId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private MessageStatus status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "last_error", length = MAX_ERROR)
	private String lastError;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected OutboxMessage() {
		// for JPA
	}

	private OutboxMessage(MailDraft draft, MessageStatus status, String lastError, Instant now) {
		this.id = UUID.randomUUID();
		this.kind = draft.kind();
		this.recipientUsername = draft.recipient().username();
		this.recipientName = cut(draft.recipient().name(), 200);
		this.recipientEmail = draft.recipient().email();
		this.subject = cut(draft.subject(), MAX_SUBJECT);
		this.body = cut(draft.body(), MAX_BODY);
		this.referenceType = draft.referenceType();
		this.referenceId = draft.referenceId();
		this.createdAt = micros(now);
		this.status = status;
		this.lastError = cut(lastError, MAX_ERROR);
		this.nextAttemptAt = status == MessageStatus.PENDING ? this.createdAt : null;
	}

	/**
	 * A new message: PENDING when mail can be sent, KEPT_IN_OUTBOX when no SMTP server is
	 * configured, FAILED (with the reason) when no address is known for the recipient.
	 */
	static OutboxMessage of(MailDraft draft, boolean smtpConfigured, Instant now) {
		if (draft.recipient().email() == null) {
			return new OutboxMessage(draft, MessageStatus.FAILED,
					"no e-mail address known for " + draft.recipient().describe(), now);
		}
		return new OutboxMessage(draft, smtpConfigured ? MessageStatus.PENDING : MessageStatus.KEPT_IN_OUTBOX, null,
				now);
	}

	/** Whether the dispatcher should try it at {@code now}. */
	boolean isDue(Instant now) {
		return status == MessageStatus.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
	}

	/** The SMTP server accepted the message. */
	void markSent(Instant now) {
		attempts++;
		status = MessageStatus.SENT;
		sentAt = micros(now);
		nextAttemptAt = null;
		lastError = null;
	}

	/**
	 * An attempt failed: counted, with the error; the message waits {@code backoff} for
	 * the next attempt, or is FAILED once {@code maxAttempts} are used up.
	 */
	void recordFailure(String error, Instant now, Duration backoff, int maxAttempts) {
		attempts++;
		lastError = cut(error == null ? "unknown error" : error, MAX_ERROR);
		if (attempts >= maxAttempts) {
			status = MessageStatus.FAILED;
			nextAttemptAt = null;
		}
		else {
			nextAttemptAt = micros(now.plus(backoff));
		}
	}

	/**
	 * Queues a FAILED or KEPT_IN_OUTBOX message for sending again (attempts start over;
	 * the last error stays).
	 */
	void requeue(Instant now) {
		if (status == MessageStatus.PENDING || status == MessageStatus.SENT) {
			throw new io.trunkguard.shared.InvalidStateException("outbox.not-requeueable", "The message is "
					+ io.trunkguard.shared.Labels.label(status) + ": only failed or kept messages can be sent again.");
		}
		if (recipientEmail == null) {
			throw new io.trunkguard.shared.InvalidStateException("outbox.no-address",
					"Message " + id + " has no recipient address: " + lastError + ".");
		}
		status = MessageStatus.PENDING;
		attempts = 0;
		nextAttemptAt = micros(now);
	}

	private static Instant micros(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	public UUID getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public MessageKind getKind() {
		return kind;
	}

	public String getRecipientUsername() {
		return recipientUsername;
	}

	public String getRecipientName() {
		return recipientName;
	}

	public String getRecipientEmail() {
		return recipientEmail;
	}

	public String getSubject() {
		return subject;
	}

	public String getBody() {
		return body;
	}

	public String getReferenceType() {
		return referenceType;
	}

	public String getReferenceId() {
		return referenceId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public MessageStatus getStatus() {
		return status;
	}

	public int getAttempts() {
		return attempts;
	}

	public String getLastError() {
		return lastError;
	}

	public Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	public Instant getSentAt() {
		return sentAt;
	}

	@Override
	public String toString() {
		return "OutboxMessage[" + id + " " + kind + " to " + recipientUsername + " " + status + "]";
	}

}
