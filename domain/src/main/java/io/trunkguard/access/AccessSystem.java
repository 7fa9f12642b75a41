package io.trunkguard.access;

import io.trunkguard.people.PersonId;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A system of the voice platform on which people hold grants ("System" would clash with
 * {@code java.lang.System}).
 */
@Entity
@Table(name = "access_system")
public class AccessSystem extends AbstractAggregateRoot<AccessSystem> {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private SystemId id;

	@Version
	private Long version;

	@Column(nullable = false, unique = true, length = 120)
	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 40)
	private SystemKind kind;

	@Column(length = 1000)
	private String description;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "owner_id", nullable = false))
	private PersonId ownerId;

	@Column(name = "in_review_scope", nullable = false)
	private boolean inReviewScope;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 20)
	private ConnectorType connector;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "reviewer_strategy", nullable = false, length = 20)
	private ReviewerStrategy reviewerStrategy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AccessSystem() {
		// for JPA
	}

	/** A new system; registers {@link SystemRegistered}. */
	public static AccessSystem register(SystemId id, SystemDetails details, String actor, Instant now) {
		AccessSystem system = new AccessSystem();
		system.id = Objects.requireNonNull(id, "id");
		system.apply(details);
		system.createdAt = now;
		system.updatedAt = now;
		system.registerEvent(new SystemRegistered(id, system.name, actor, now));
		return system;
	}

	/**
	 * Changes the settings; registers {@link SystemChanged} when something changed.
	 * Returns the changed fields.
	 */
	public List<String> update(SystemDetails details, String actor, Instant now) {
		List<String> changed = new ArrayList<>();
		compare(changed, "name", name, details.name());
		compare(changed, "kind", kind, details.kind());
		compare(changed, "description", description, details.description());
		compare(changed, "ownerId", ownerId, details.ownerId());
		compare(changed, "inReviewScope", inReviewScope, details.inReviewScope());
		compare(changed, "connector", connector, details.connector());
		compare(changed, "reviewerStrategy", reviewerStrategy, details.reviewerStrategy());
		if (!changed.isEmpty()) {
			apply(details);
			updatedAt = now;
			registerEvent(new SystemChanged(id, name, List.copyOf(changed), actor, now));
		}
		return changed;
	}

	private void apply(SystemDetails details) {
		this.name = details.name();
		this.kind = details.kind();
		this.description = details.description();
		this.ownerId = details.ownerId();
		this.inReviewScope = details.inReviewScope();
		this.connector = details.connector();
		this.reviewerStrategy = details.reviewerStrategy();
	}

	private static void compare(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	public SystemDetails details() {
		return new SystemDetails(name, kind, description, ownerId, inReviewScope, connector, reviewerStrategy);
	}

	public SystemId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	public SystemKind getKind() {
		return kind;
	}

	public String getDescription() {
		return description;
	}

	public PersonId getOwnerId() {
		return ownerId;
	}

	public boolean isInReviewScope() {
		return inReviewScope;
	}

	public ConnectorType getConnector() {
		return connector;
	}

	public ReviewerStrategy getReviewerStrategy() {
		return reviewerStrategy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
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
		return this == o || (o instanceof AccessSystem other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "AccessSystem[" + name + "]";
	}

}
