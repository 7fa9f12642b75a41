package io.trunkguard.vendor;

import io.trunkguard.people.PersonId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A carrier or other provider of the voice platform. */
@Entity
@Table(name = "vendor")
public class Vendor extends AbstractAggregateRoot<Vendor> {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "id"))
	private VendorId id;

	@Version
	private Long version;

	@Column(nullable = false, unique = true, length = 200)
	private String name;

	@Column(nullable = false, length = 1000)
	private String services;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "risk_tier", nullable = false, length = 20)
	private RiskTier riskTier;

	@Embedded
	@AttributeOverride(name = "value", column = @Column(name = "owner_id", nullable = false))
	private PersonId ownerId;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "vendor_contact", joinColumns = @JoinColumn(name = "vendor_id"))
	@OrderColumn(name = "contact_order")
	private List<VendorContact> contacts = new ArrayList<>();

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "encryption_status", nullable = false, length = 30)
	private EncryptionStatus encryptionStatus = EncryptionStatus.NO_CAPTURE_ANALYSED;

	@Column(name = "encryption_observed_at")
	private Instant encryptionObservedAt;

	@Column(name = "encryption_basis", length = 1000)
	private String encryptionBasis;

	@Column(name = "encryption_capture_id", length = 100)
	private String encryptionCaptureId;

	@Column(name = "headquarters_country", length = 2)
	private String headquartersCountry;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "status", nullable = false, length = 20)
	private CarrierStatus status = CarrierStatus.ACTIVE;

	@Embedded
	private RiskCriteria riskCriteria;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "vendor_sub_processor", joinColumns = @JoinColumn(name = "vendor_id"))
	@OrderColumn(name = "position")
	private List<SubProcessor> subProcessors = new ArrayList<>();

	protected Vendor() {
		// for JPA
	}

	/** A new vendor; registers {@link VendorRegistered}. */
	public static Vendor register(VendorId id, VendorDetails details, String actor, Instant now) {
		Vendor vendor = new Vendor();
		vendor.id = Objects.requireNonNull(id, "id");
		vendor.apply(details);
		vendor.createdAt = now;
		vendor.updatedAt = now;
		vendor.registerEvent(new VendorRegistered(id, vendor.name, vendor.riskTier, actor, now));
		return vendor;
	}

	/**
	 * Changes the details; registers {@link VendorChanged} when something changed.
	 * Returns the changed fields.
	 */
	public List<String> update(VendorDetails details, String actor, Instant now) {
		List<String> changed = new ArrayList<>();
		compare(changed, "name", name, details.name());
		compare(changed, "services", services, details.services());
		compare(changed, "riskTier", riskTier, riskCriteria == null ? details.riskTier() : riskCriteria.tier());
		compare(changed, "ownerId", ownerId, details.ownerId());
		compare(changed, "contacts", List.copyOf(contacts), details.contacts());
		if (!changed.isEmpty()) {
			apply(details);
			updatedAt = now;
			registerEvent(new VendorChanged(id, name, List.copyOf(changed), actor, now));
		}
		return changed;
	}

	/**
	 * Sets what the latest analysed capture shows; registers
	 * {@link EncryptionStatusChanged}.
	 */
	public EncryptionState recordEncryptionStatus(EncryptionStatus status, Instant observedAt, String basis,
			String captureId, String actor, Instant now) {
		EncryptionStatus previous = encryptionStatus;
		this.encryptionStatus = Objects.requireNonNull(status, "status");
		this.encryptionObservedAt = observedAt;
		this.encryptionBasis = basis == null ? null : basis.length() > 1000 ? basis.substring(0, 1000) : basis;
		this.encryptionCaptureId = captureId;
		this.updatedAt = now;
		registerEvent(
				new EncryptionStatusChanged(id, previous, status, observedAt, encryptionBasis, captureId, actor, now));
		return encryptionState();
	}

	/**
	 * What the latest analysed capture shows ({@link EncryptionState#NONE} before any).
	 */
	public EncryptionState encryptionState() {
		return encryptionStatus == EncryptionStatus.NO_CAPTURE_ANALYSED && encryptionObservedAt == null
				? EncryptionState.NONE
				: new EncryptionState(encryptionStatus, encryptionObservedAt, encryptionBasis, encryptionCaptureId);
	}

	private void apply(VendorDetails details) {
		this.name = details.name();
		this.services = details.services();
		this.riskTier = riskCriteria == null ? details.riskTier() : riskCriteria.tier();
		this.ownerId = details.ownerId();
		this.contacts.clear();
		this.contacts.addAll(details.contacts());
	}

	/**
	 * Sets the profile (headquarters, status, risk criteria, sub-processors); criteria
	 * set the risk tier. Registers {@link VendorChanged} when something changed and
	 * returns the changed fields.
	 */
	public List<String> updateProfile(CarrierProfile profile, String actor, Instant now) {
		List<String> changed = new ArrayList<>();
		compare(changed, "headquartersCountry", headquartersCountry, profile.headquartersCountry());
		compare(changed, "status", status, profile.status());
		compare(changed, "riskCriteria", riskCriteria, profile.riskCriteria());
		compare(changed, "subProcessors", List.copyOf(subProcessors), profile.subProcessors());
		if (profile.riskCriteria() != null) {
			compare(changed, "riskTier", riskTier, profile.riskCriteria().tier());
		}
		if (!changed.isEmpty()) {
			headquartersCountry = profile.headquartersCountry();
			status = profile.status();
			riskCriteria = profile.riskCriteria();
			if (riskCriteria != null) {
				riskTier = riskCriteria.tier();
			}
			subProcessors.clear();
			subProcessors.addAll(profile.subProcessors());
			updatedAt = now;
			registerEvent(new VendorChanged(id, name, List.copyOf(changed), actor, now));
		}
		return changed;
	}

	public CarrierProfile profile() {
		return new CarrierProfile(headquartersCountry, status, riskCriteria, List.copyOf(subProcessors));
	}

	public String getHeadquartersCountry() {
		return headquartersCountry;
	}

	/** The headquarters country's English name, or null when not known. */
	public String getHeadquartersCountryName() {
		return headquartersCountry == null ? null : Countries.name(headquartersCountry);
	}

	public CarrierStatus getStatus() {
		return status;
	}

	/** The criteria that set the risk tier, or null when the tier was set by hand. */
	public RiskCriteria getRiskCriteria() {
		return riskCriteria;
	}

	/** Why the carrier has its tier, as a sentence. */
	public String getRiskTierExplanation() {
		return riskCriteria == null ? "Set by hand; no risk criteria recorded yet." : riskCriteria.explanation();
	}

	public List<SubProcessor> getSubProcessors() {
		return List.copyOf(subProcessors);
	}

	private static void compare(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	public VendorDetails details() {
		return new VendorDetails(name, services, riskTier, ownerId, List.copyOf(contacts));
	}

	public VendorId getId() {
		return id;
	}

	public Long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	public String getServices() {
		return services;
	}

	public RiskTier getRiskTier() {
		return riskTier;
	}

	public PersonId getOwnerId() {
		return ownerId;
	}

	public List<VendorContact> getContacts() {
		return List.copyOf(contacts);
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
		return this == o || (o instanceof Vendor other && id != null && id.equals(other.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(id);
	}

	@Override
	public String toString() {
		return "Vendor[" + name + "]";
	}

}
