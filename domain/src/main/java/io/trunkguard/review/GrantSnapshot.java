package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A grant as frozen into a campaign at its start: the holder, the system and the role,
 * when it was granted and last used, and the risk flags computed then. Later changes to
 * the grant, the person or the system do not change it: it is what the reviewer was asked
 * about.
 *
 * @param isNew not in the previous campaign (every grant of a first campaign is new)
 * @param carriedOver the previous campaign carried this grant over unanswered
 */
@Embeddable
public record GrantSnapshot(
		@Embedded @AttributeOverride(name = "value",
				column = @Column(name = "grant_id", nullable = false)) GrantId grantId,
		@Embedded @AttributeOverride(name = "value",
				column = @Column(name = "person_id", nullable = false)) PersonId personId,
		@Column(name = "person_name", nullable = false, length = 200) String personName,
		@Column(name = "person_username", length = 100) String personUsername,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "person_status", nullable = false,
				length = 20) EmploymentStatus personStatus,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(
				name = "person_type", nullable = false, length = 20) EmploymentType personType,
		@Column(name = "person_end_date") LocalDate personEndDate,
		@Embedded @AttributeOverride(name = "value",
				column = @Column(name = "person_manager_id")) PersonId personManagerId,
		@Embedded @AttributeOverride(name = "value",
				column = @Column(name = "system_id", nullable = false)) SystemId systemId,
		@Column(name = "system_name", nullable = false, length = 120) String systemName,
		@Embedded @AttributeOverride(name = "value",
				column = @Column(name = "system_owner_id", nullable = false)) PersonId systemOwnerId,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "connector", nullable = false,
				length = 20) ConnectorType connector,
		@Column(name = "entitlement", nullable = false, length = ReviewItem.MAX_ROLE) String entitlement,
		@Column(name = "privileged", nullable = false) boolean privileged,
		@Column(name = "granted_at", nullable = false) Instant grantedAt,
		@Column(name = "last_used_at") Instant lastUsedAt,
		@Column(name = "flag_dormant", nullable = false) boolean dormant,
		@Column(name = "flag_orphan", nullable = false) boolean orphan,
		@Column(name = "flag_contractor_expired", nullable = false) boolean contractorExpired,
		@Column(name = "is_new", nullable = false) boolean isNew,
		@Column(name = "carried_over", nullable = false) boolean carriedOver) {

	public GrantSnapshot {
		Objects.requireNonNull(grantId, "grantId");
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(systemId, "systemId");
	}

	/** The grant in a sentence's words: "sbc-admin of Harry Holder on Edge SBC". */
	String describe() {
		return entitlement + " of " + personName + " on " + systemName;
	}

}
