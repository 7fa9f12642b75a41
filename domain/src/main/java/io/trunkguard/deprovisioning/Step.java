package io.trunkguard.deprovisioning;

import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing a case did, when, and by whom or what (a username or
 * {@code system:<connector>}).
 */
@Embeddable
public class Step {

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 30)
	private StepKind kind;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "grant_id"))
	private GrantId grantId;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "system_id"))
	private SystemId systemId;

	@Column(name = "system_name", length = 120)
	private String systemName;

	@Column(length = 120)
	private String entitlement;

	@Column(name = "done_at", nullable = false)
	private Instant doneAt;

	@Column(name = "done_by", nullable = false, length = 100)
	private String doneBy;

	@Column(name = "sla_due_at")
	private Instant slaDueAt;

	@Column(length = 1000)
	private String note;

	protected Step() {
		// for JPA
	}

	Step(StepKind kind, GrantId grantId, SystemId systemId, String systemName, String entitlement, Instant doneAt,
			String doneBy, Instant slaDueAt, String note) {
		this.kind = kind;
		this.grantId = grantId;
		this.systemId = systemId;
		this.systemName = systemName;
		this.entitlement = entitlement;
		this.doneAt = doneAt;
		this.doneBy = doneBy;
		this.slaDueAt = slaDueAt;
		this.note = note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
	}

	/** Whether this step removed access (what the time to deprovision is measured to). */
	public boolean removesAccess() {
		return kind == StepKind.ACCOUNT_DISABLED || kind == StepKind.SESSIONS_ENDED || kind == StepKind.GRANT_REVOKED;
	}

	/** For a step with an SLA: done by its due time. True for steps without one. */
	public boolean metSla() {
		return slaDueAt == null || !doneAt.isAfter(slaDueAt);
	}

	/** Time from {@code start} (the HR event) to this step. */
	public Duration after(Instant start) {
		return Duration.between(start, doneAt);
	}

	public StepKind getKind() {
		return kind;
	}

	public GrantId getGrantId() {
		return grantId;
	}

	public SystemId getSystemId() {
		return systemId;
	}

	public String getSystemName() {
		return systemName;
	}

	public String getEntitlement() {
		return entitlement;
	}

	public Instant getDoneAt() {
		return doneAt;
	}

	public String getDoneBy() {
		return doneBy;
	}

	public Instant getSlaDueAt() {
		return slaDueAt;
	}

	public String getNote() {
		return note;
	}

}
