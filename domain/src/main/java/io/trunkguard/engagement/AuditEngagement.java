package io.trunkguard.engagement;

import io.trunkguard.evidence.EvidenceItem;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An audit: a name, the period an auditor examines (both days included), the SOC 2
 * criteria in scope and the auditors assigned (their logins). Only an assigned auditor
 * sees it; compliance leads and admins see and edit every audit.
 */
@Entity
@Table(name = "audit_engagement")
public class AuditEngagement {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private AuditEngagementId id;

	@Version
	private Long version;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "period_from", nullable = false)
	private LocalDate periodFrom;

	@Column(name = "period_to", nullable = false)
	private LocalDate periodTo;

	/** Comma-separated, in the controls' order, e.g. {@code CC6.1,CC9.2}. */
	@Column(nullable = false, length = 100)
	private String criteria;

	/** Comma-separated logins. */
	@Column(nullable = false, length = 2000)
	private String auditors;

	@Column(name = "created_by", nullable = false, length = 200)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "changed_by", nullable = false, length = 200)
	private String changedBy;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	protected AuditEngagement() {
		// for JPA
	}

	AuditEngagement(AuditDraft checked, String actor, Instant now) {
		this.id = AuditEngagementId.random();
		this.createdBy = actor;
		this.createdAt = now;
		apply(checked, actor, now);
	}

	/** Takes a checked draft (see {@link DefaultAuditEngagementService}). */
	void apply(AuditDraft checked, String actor, Instant now) {
		this.name = checked.name();
		this.periodFrom = checked.from();
		this.periodTo = checked.to();
		this.criteria = String.join(",", checked.criteria());
		this.auditors = String.join(",", checked.auditors());
		this.changedBy = actor;
		this.changedAt = now;
	}

	/** Whether {@code login} is one of the auditors assigned. */
	public boolean isAssignedTo(String login) {
		return login != null && getAuditors().contains(login);
	}

	/**
	 * Whether the audit covers the evidence item: it supports one of the audit's criteria
	 * and is dated inside its period (what an assigned auditor may flag).
	 */
	public boolean covers(EvidenceItem item) {
		return item.getControls().stream().anyMatch(getCriteria()::contains)
				&& item.evidencesWithin(periodFrom, periodTo);
	}

	public AuditEngagementId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	public LocalDate getPeriodFrom() {
		return periodFrom;
	}

	public LocalDate getPeriodTo() {
		return periodTo;
	}

	public List<String> getCriteria() {
		return split(criteria);
	}

	public List<String> getAuditors() {
		return split(auditors);
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getChangedBy() {
		return changedBy;
	}

	public Instant getChangedAt() {
		return changedAt;
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
	}

}
