package io.trunkguard.people;

import io.trunkguard.shared.InvalidStateException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person who may hold access: an employee or a contractor. Changes go through
 * {@link #update} and {@link #markLeft}, which register the matching domain events
 * (published when the repository saves).
 */
@Entity
@Table(name = "person")
public class Person extends AbstractAggregateRoot<Person> {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private PersonId id;

	@Version
	private Long version;

	@Column(name = "hr_id", nullable = false, unique = true, length = 64)
	private String hrId;

	@Column(name = "full_name", nullable = false, length = 200)
	private String fullName;

	@Column(nullable = false, length = 320)
	private String email;

	@Column(unique = true, length = 100)
	private String username;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "manager_id"))
	private PersonId managerId;

	@Column(length = 100)
	private String department;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "employment_type", nullable = false, length = 20)
	private EmploymentType employmentType;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "employment_status", nullable = false, length = 20)
	private EmploymentStatus employmentStatus;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Person() {
		// for JPA
	}

	private Person(PersonId id, PersonDetails details, Instant now) {
		this.id = Objects.requireNonNull(id, "id");
		apply(details);
		this.employmentStatus = EmploymentStatus.ACTIVE;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A new, active person; registers {@link PersonRegistered}. */
	public static Person register(PersonId id, PersonDetails details, String actor, Instant now) {
		Person person = new Person(id, details, now);
		if (details.managerId() != null && details.managerId().equals(id)) {
			throw new InvalidStateException("person.own-manager", "A person cannot be their own manager.");
		}
		person.registerEvent(new PersonRegistered(id, person.hrId, person.fullName, actor, now));
		return person;
	}

	/**
	 * Changes the details; registers {@link PersonChanged} naming the changed fields, or
	 * nothing when nothing changed.
	 * @return the names of the changed fields
	 */
	public List<String> update(PersonDetails details, String actor, Instant now) {
		if (details.managerId() != null && details.managerId().equals(id)) {
			throw new InvalidStateException("person.own-manager", "A person cannot be their own manager.");
		}
		if (!Objects.equals(username, details.username())) {
			throw new InvalidStateException("person.account-binding-needs-approval",
					"The login account of " + fullName + " is not changed with the other details: request the change"
							+ " of account binding, which a second compliance lead or an admin approves.");
		}
		List<String> changed = new ArrayList<>();
		compare(changed, "hrId", hrId, details.hrId());
		compare(changed, "fullName", fullName, details.fullName());
		compare(changed, "email", email, details.email());
		compare(changed, "username", username, details.username());
		compare(changed, "managerId", managerId, details.managerId());
		compare(changed, "department", department, details.department());
		compare(changed, "employmentType", employmentType, details.employmentType());
		compare(changed, "startDate", startDate, details.startDate());
		compare(changed, "endDate", endDate, details.endDate());
		if (!changed.isEmpty()) {
			apply(details);
			this.updatedAt = now;
			registerEvent(new PersonChanged(id, hrId, List.copyOf(changed), actor, now));
		}
		return changed;
	}

	/**
	 * Binds the login account {@code username} (null: none) to this person, as an
	 * approved {@link AccountBindingRequest} decided; registers {@link PersonChanged}.
	 */
	void bindAccount(String username, String actor, Instant now) {
		if (!Objects.equals(this.username, username)) {
			this.username = username;
			this.updatedAt = now;
			registerEvent(new PersonChanged(id, hrId, List.of("username"), actor, now));
		}
	}

	/**
	 * Records that the person left on {@code lastDay}; refuses if they already left.
	 * Registers {@link PersonLeft}.
	 */
	public void markLeft(LocalDate lastDay, String actor, Instant now) {
		Objects.requireNonNull(lastDay, "lastDay");
		if (employmentStatus == EmploymentStatus.LEFT) {
			throw new InvalidStateException("person.already-left",
					"Person " + hrId + " already left on " + endDate + ".");
		}
		if (lastDay.isBefore(startDate)) {
			throw new InvalidStateException("person.left-before-start",
					"The last day " + lastDay + " is before the start date " + startDate + ".");
		}
		this.employmentStatus = EmploymentStatus.LEFT;
		this.endDate = lastDay;
		this.updatedAt = now;
		registerEvent(new PersonLeft(id, hrId, lastDay, actor, now));
	}

	/** A contractor (or anyone) whose end date has passed while still marked active. */
	public boolean isPastEndDate(LocalDate today) {
		return employmentStatus == EmploymentStatus.ACTIVE && endDate != null && endDate.isBefore(today);
	}

	public boolean isActive() {
		return employmentStatus == EmploymentStatus.ACTIVE;
	}

	private void apply(PersonDetails details) {
		this.hrId = details.hrId();
		this.fullName = details.fullName();
		this.email = details.email();
		this.username = details.username();
		this.managerId = details.managerId();
		this.department = details.department();
		this.employmentType = details.employmentType();
		this.startDate = details.startDate();
		this.endDate = details.endDate();
	}

	private static void compare(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	/** The current details, e.g. to prefill an edit form. */
	public PersonDetails details() {
		return new PersonDetails(hrId, fullName, email, username, managerId, department, employmentType, startDate,
				endDate);
	}

	public PersonId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public String getHrId() {
		return hrId;
	}

	public String getFullName() {
		return fullName;
	}

	public String getEmail() {
		return email;
	}

	/** The login name, or null when the person has no account in Trunkguard. */
	public String getUsername() {
		return username;
	}

	/** The manager, or null for the top of the hierarchy. */
	public PersonId getManagerId() {
		return managerId;
	}

	public String getDepartment() {
		return department;
	}

	public EmploymentType getEmploymentType() {
		return employmentType;
	}

	public EmploymentStatus getEmploymentStatus() {
		return employmentStatus;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	/** The contract end or last day, or null. */
	public LocalDate getEndDate() {
		return endDate;
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
		return this == o || (o instanceof Person other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "Person[" + hrId + ", " + fullName + "]";
	}

}
