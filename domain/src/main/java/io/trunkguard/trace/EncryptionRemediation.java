package io.trunkguard.trace;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendor.VendorId;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A remediation task a capture opened for a carrier's owner: a trunk that regressed from
 * encrypted, or a HIGH CC6.7 finding on a carrier whose contract states an encryption
 * clause. It is due on a date, escalated once when overdue, and closed only by a newer
 * capture of the same trunk or by a compliance lead's accepted-risk justification (the
 * owner never accepts their own risk).
 */
@Entity
@Table(name = "encryption_remediation")
public class EncryptionRemediation extends AbstractAggregateRoot<EncryptionRemediation> {

	public enum Status {

		OPEN, CLOSED

	}

	@Id
	private UUID id;

	@Version
	private Long version;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "vendor_id", nullable = false))
	private VendorId vendorId;

	@Column(nullable = false, length = 80)
	private String trunk;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "capture_id", nullable = false))
	private CaptureId captureId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private RemediationCause cause;

	@Column(name = "rule_id", length = 60)
	private String ruleId;

	@Column(nullable = false, length = 2000)
	private String description;

	/** Space separated frame numbers. */
	@Column(length = 1000)
	private String frames;

	@Column(name = "owner_username", length = 200)
	private String ownerUsername;

	@Column(name = "owner_name", nullable = false, length = 200)
	private String ownerName;

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	@Column(name = "due_on", nullable = false)
	private LocalDate dueOn;

	@Column(name = "escalated_at")
	private Instant escalatedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private Status status;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by", length = 200)
	private String closedBy;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(length = 20)
	private RemediationClosure closure;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "closing_capture_id"))
	private CaptureId closingCaptureId;

	@Column(length = 2000)
	private String justification;

	@Column(name = "dedupe_key", nullable = false, length = 400)
	private String dedupeKey;

	protected EncryptionRemediation() {
		// for JPA
	}

	/** Opens a task; registers {@link EncryptionRemediationOpened}. */
	static EncryptionRemediation open(VendorId vendor, String vendorName, String trunk, Capture capture,
			RemediationCause cause, String ruleId, String description, List<Long> frames, String ownerUsername,
			String ownerName, LocalDate dueOn, String actor, Instant now) {
		EncryptionRemediation task = new EncryptionRemediation();
		task.id = UUID.randomUUID();
		task.vendorId = Objects.requireNonNull(vendor, "vendor");
		task.trunk = CaptureLeg.cut(trunk, 80);
		task.captureId = capture.getId();
		task.cause = cause;
		task.ruleId = ruleId;
		task.description = CaptureLeg.cut(description, 2000);
		task.frames = CaptureLeg.cut(String.join(" ", frames.stream().limit(100).map(String::valueOf).toList()), 1000)
			.replaceAll(" ?[0-9]*…$", "");
		task.ownerUsername = ownerUsername;
		task.ownerName = ownerName;
		task.openedAt = now;
		task.dueOn = dueOn;
		task.status = Status.OPEN;
		task.dedupeKey = dedupeKey(capture.getId(), vendor, trunk, cause, ruleId);
		task.registerEvent(new EncryptionRemediationOpened(task.id, vendor, vendorName, task.trunk, capture.getId(),
				capture.getFileName(), cause, ruleId, task.description, task.getFrames(), ownerUsername, ownerName,
				dueOn, actor, now));
		return task;
	}

	static String dedupeKey(CaptureId capture, VendorId vendor, String trunk, RemediationCause cause, String ruleId) {
		return CaptureLeg.cut(capture + "/" + vendor + "/" + trunk + "/" + cause + "/" + (ruleId == null ? "" : ruleId),
				400);
	}

	/** Whether it is open past its due date on {@code today}. */
	public boolean overdueOn(LocalDate today) {
		return status == Status.OPEN && today.isAfter(dueOn);
	}

	/**
	 * Escalates it once when it is still open after its due date; returns whether it did.
	 */
	boolean escalate(String vendorName, String actor, Instant now, LocalDate today) {
		if (status != Status.OPEN || escalatedAt != null || !today.isAfter(dueOn)) {
			return false;
		}
		escalatedAt = now;
		registerEvent(new EncryptionRemediationEscalated(id, vendorId, vendorName, trunk, cause, description,
				ownerUsername, ownerName, dueOn, actor, now));
		return true;
	}

	/**
	 * Closes it with a capture of the same trunk whose traffic is newer than the one that
	 * opened it.
	 */
	void closeWith(Capture newer, Capture opening, boolean showsTrunk, String actor, Instant now) {
		requireOpen();
		if (!showsTrunk) {
			throw new InvalidInputException("remediation.capture-other-trunk",
					"Capture " + newer.getFileName() + " has no leg of trunk " + trunk
							+ " attached to this carrier, so it cannot close the task.",
					Map.of("captureId", "no leg of trunk " + trunk));
		}
		if (newer.getStatus() != CaptureStatus.DONE
				|| !ContractClauseCheck.trafficTime(newer).isAfter(ContractClauseCheck.trafficTime(opening))) {
			throw new InvalidInputException("remediation.capture-not-newer",
					"Capture " + newer.getFileName() + " is not an analysed capture newer than " + opening.getFileName()
							+ ", which opened the task.",
					Map.of("captureId", "not newer than " + opening.getFileName()));
		}
		close(RemediationClosure.NEWER_CAPTURE, newer.getId(), null, actor, now);
	}

	/**
	 * Closes it as an accepted risk; the carrier's owner may not accept their own risk.
	 */
	void acceptRisk(String justification, String actor, Instant now) {
		requireOpen();
		String text = justification == null ? "" : justification.strip();
		if (text.length() < 20) {
			throw new InvalidInputException("remediation.justification",
					"Give a justification of at least 20 characters for accepting the risk.",
					Map.of("justification", "at least 20 characters"));
		}
		if (ownerUsername != null && ownerUsername.equalsIgnoreCase(actor)) {
			throw new InvalidStateException("remediation.own-risk", ownerName
					+ " owns the carrier and may not accept the risk of their own remediation task; another compliance lead must.");
		}
		close(RemediationClosure.ACCEPTED_RISK, null, CaptureLeg.cut(text, 2000), actor, now);
	}

	private void close(RemediationClosure how, CaptureId capture, String why, String actor, Instant now) {
		status = Status.CLOSED;
		closure = how;
		closingCaptureId = capture;
		justification = why;
		closedBy = actor;
		closedAt = now;
		registerEvent(new EncryptionRemediationClosed(id, vendorId, trunk, how, capture, why, actor, now));
	}

	private void requireOpen() {
		if (status != Status.OPEN) {
			throw new InvalidStateException("remediation.closed", "The remediation task is already closed.");
		}
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

	public String getTrunk() {
		return trunk;
	}

	public CaptureId getCaptureId() {
		return captureId;
	}

	public RemediationCause getCause() {
		return cause;
	}

	public String getRuleId() {
		return ruleId;
	}

	public String getDescription() {
		return description;
	}

	public List<Long> getFrames() {
		return frames == null || frames.isBlank() ? List.of()
				: Arrays.stream(frames.split(" ")).map(Long::valueOf).toList();
	}

	public String getOwnerUsername() {
		return ownerUsername;
	}

	public String getOwnerName() {
		return ownerName;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public LocalDate getDueOn() {
		return dueOn;
	}

	public Instant getEscalatedAt() {
		return escalatedAt;
	}

	public Status getStatus() {
		return status;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getClosedBy() {
		return closedBy;
	}

	public RemediationClosure getClosure() {
		return closure;
	}

	public CaptureId getClosingCaptureId() {
		return closingCaptureId;
	}

	public String getJustification() {
		return justification;
	}

}
