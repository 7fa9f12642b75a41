package io.trunkguard.deprovisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One delivery of a termination event to a case: every delivery is kept, duplicates
 * included.
 */
@Embeddable
public class Receipt {

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

	@Column(name = "received_by", nullable = false, length = 100)
	private String receivedBy;

	@Column(nullable = false)
	private boolean duplicate;

	protected Receipt() {
		// for JPA
	}

	Receipt(TerminationNotice notice, Instant receivedAt, boolean duplicate) {
		this.eventId = notice.eventId();
		this.source = notice.source();
		this.effectiveAt = notice.effectiveAt();
		this.receivedAt = receivedAt;
		this.receivedBy = notice.receivedBy();
		this.duplicate = duplicate;
	}

	public String getEventId() {
		return eventId;
	}

	public TerminationSource getSource() {
		return source;
	}

	public Instant getEffectiveAt() {
		return effectiveAt;
	}

	public Instant getReceivedAt() {
		return receivedAt;
	}

	public String getReceivedBy() {
		return receivedBy;
	}

	public boolean isDuplicate() {
		return duplicate;
	}

}
