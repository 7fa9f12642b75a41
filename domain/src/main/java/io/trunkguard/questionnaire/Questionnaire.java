package io.trunkguard.questionnaire;

import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendor.VendorId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A questionnaire sent to one contact of a carrier. Only the hash of its link's token is
 * kept; a new link (re-send) replaces the old one, which then opens nothing. Answers can
 * be saved until the questionnaire is submitted (once), revoked or expired.
 */
@Entity
@Table(name = "questionnaire")
public class Questionnaire {

	@Id
	private UUID id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Column(name = "template_id", nullable = false)
	private UUID templateId;

	@Column(name = "review_id")
	private UUID reviewId;

	@Column(name = "contact_name", nullable = false, length = 200)
	private String contactName;

	@Column(name = "contact_email", nullable = false, length = 320)
	private String contactEmail;

	@Column(name = "token_hash", nullable = false, unique = true, length = 64)
	private String tokenHash;

	@Column(name = "links_issued", nullable = false)
	private int linksIssued;

	@Column(name = "sent_by", nullable = false, length = 200)
	private String sentBy;

	@Column(name = "sent_at", nullable = false)
	private Instant sentAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "first_opened_at")
	private Instant firstOpenedAt;

	@Column(name = "last_saved_at")
	private Instant lastSavedAt;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "submitted_from", length = 100)
	private String submittedFrom;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by", length = 200)
	private String revokedBy;

	@Column(name = "reminders_sent", nullable = false)
	private int remindersSent;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "questionnaire_answer", joinColumns = @JoinColumn(name = "questionnaire_id"))
	@OrderColumn(name = "position")
	private List<Answer> answers = new ArrayList<>();

	protected Questionnaire() {
		// for JPA
	}

	Questionnaire(VendorId vendorId, UUID templateId, UUID reviewId, String contactName, String contactEmail,
			String tokenHash, Duration validity, String actor, Instant now) {
		this.id = UUID.randomUUID();
		this.vendorId = Objects.requireNonNull(vendorId);
		this.templateId = Objects.requireNonNull(templateId);
		this.reviewId = reviewId;
		this.contactName = contactName;
		this.contactEmail = contactEmail;
		this.tokenHash = tokenHash;
		this.linksIssued = 1;
		this.sentBy = actor;
		this.sentAt = now;
		this.expiresAt = now.plus(validity);
	}

	/** The state on {@code now}. */
	public QuestionnaireState stateAt(Instant now) {
		return stateOf(submittedAt, revokedAt, expiresAt, lastSavedAt, firstOpenedAt, now);
	}

	/**
	 * The state of a questionnaire with these times on {@code now} (for lists that read
	 * the times without the questionnaire).
	 */
	public static QuestionnaireState stateOf(Instant submittedAt, Instant revokedAt, Instant expiresAt,
			Instant lastSavedAt, Instant firstOpenedAt, Instant now) {
		if (submittedAt != null) {
			return QuestionnaireState.SUBMITTED;
		}
		if (revokedAt != null) {
			return QuestionnaireState.REVOKED;
		}
		if (!now.isBefore(expiresAt)) {
			return QuestionnaireState.EXPIRED;
		}
		if (lastSavedAt != null) {
			return QuestionnaireState.IN_PROGRESS;
		}
		return firstOpenedAt != null ? QuestionnaireState.OPENED : QuestionnaireState.SENT;
	}

	/** A new link (the old one opens nothing any more), valid for {@code validity}. */
	void reissue(String newTokenHash, Duration validity, String actor, Instant now) {
		if (submittedAt != null) {
			throw new InvalidStateException("questionnaire.submitted",
					"The questionnaire was already submitted; send a new one instead.");
		}
		this.tokenHash = newTokenHash;
		this.linksIssued++;
		this.revokedAt = null;
		this.revokedBy = null;
		this.sentBy = actor;
		this.sentAt = now;
		this.expiresAt = now.plus(validity);
		this.remindersSent = 0;
	}

	void revoke(String actor, Instant now) {
		if (!stateAt(now).isOpen()) {
			throw new InvalidStateException("questionnaire.not-open",
					"The questionnaire is " + stateAt(now).label().toLowerCase() + " and cannot be revoked.");
		}
		this.revokedAt = now;
		this.revokedBy = actor;
	}

	void opened(Instant now) {
		if (firstOpenedAt == null) {
			firstOpenedAt = now;
		}
	}

	void save(Map<String, String> values, Instant now) {
		requireOpen(now);
		Map<String, Answer> byCode = new LinkedHashMap<>();
		answers.forEach(a -> byCode.put(a.code(), a));
		values.forEach((code, value) -> {
			Answer old = byCode.get(code);
			String v = value == null || value.isBlank() ? null : value.strip();
			byCode.put(code, new Answer(code, v, old == null ? null : old.fileId()));
		});
		answers.clear();
		answers.addAll(byCode.values());
		lastSavedAt = now;
	}

	void attach(String code, StoredFileId fileId, String fileName, Instant now) {
		requireOpen(now);
		answers.removeIf(a -> a.code().equals(code));
		answers.add(new Answer(code, fileName, fileId));
		lastSavedAt = now;
	}

	void submit(String sourceAddress, Instant now) {
		requireOpen(now);
		submittedAt = now;
		submittedFrom = sourceAddress;
	}

	void reminded() {
		remindersSent++;
	}

	private void requireOpen(Instant now) {
		QuestionnaireState state = stateAt(now);
		if (!state.isOpen()) {
			throw new InvalidStateException("questionnaire.closed",
					"The questionnaire is " + state.label().toLowerCase() + " and takes no more answers.");
		}
	}

	/** The answers by question code. */
	public Map<String, Answer> answersByCode() {
		Map<String, Answer> map = new LinkedHashMap<>();
		answers.forEach(a -> map.put(a.code(), a));
		return map;
	}

	public Optional<Answer> answer(String code) {
		return answers.stream().filter(a -> a.code().equals(code)).findFirst();
	}

	public UUID getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public VendorId getVendorId() {
		return vendorId;
	}

	public UUID getTemplateId() {
		return templateId;
	}

	public UUID getReviewId() {
		return reviewId;
	}

	public String getContactName() {
		return contactName;
	}

	public String getContactEmail() {
		return contactEmail;
	}

	String getTokenHash() {
		return tokenHash;
	}

	public int getLinksIssued() {
		return linksIssued;
	}

	public String getSentBy() {
		return sentBy;
	}

	public Instant getSentAt() {
		return sentAt;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

	public Instant getFirstOpenedAt() {
		return firstOpenedAt;
	}

	public Instant getLastSavedAt() {
		return lastSavedAt;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public String getSubmittedFrom() {
		return submittedFrom;
	}

	public Instant getRevokedAt() {
		return revokedAt;
	}

	public String getRevokedBy() {
		return revokedBy;
	}

	public int getRemindersSent() {
		return remindersSent;
	}

}
