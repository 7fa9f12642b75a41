package io.trunkguard.deprovisioning;

import io.trunkguard.people.PersonId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

	/** The person the event named, resolved when it was received. */
	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "person_id", nullable = false))
	private PersonId personId;

	/** The HR id as the event named it. */
	@Column(name = "hr_id", nullable = false, length = 64)
	private String hrId;

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

	Receipt(TerminationNotice notice, PersonId personId, Instant receivedAt, boolean duplicate) {
		this.eventId = notice.eventId();
		this.personId = personId;
		this.hrId = notice.hrId();
		this.source = notice.source();
		this.effectiveAt = notice.effectiveAt();
		this.receivedAt = receivedAt;
		this.receivedBy = notice.receivedBy();
		this.duplicate = duplicate;
	}

	public String getEventId() {
		return eventId;
	}

	public PersonId getPersonId() {
		return personId;
	}

	public String getHrId() {
		return hrId;
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
