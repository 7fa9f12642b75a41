package io.trunkguard.vendor;

import io.trunkguard.TestData;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vendors against a real database; run on H2 and PostgreSQL by the subclasses. */
abstract class VendorPersistenceIntegrationTests {

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	AuditEntries auditEntries;

	@Test
	void vendorWithContactsRoundTrips() {
		Person owner = people.register(TestData.employee("Vera Vendorowner", null), "admin");
		String name = TestData.unique("Carrier");
		List<VendorContact> contacts = List.of(
				new VendorContact("Rita Risk", "risk@carrier.example", "+44 20 7946 0000"),
				new VendorContact("NOC", "noc@carrier.example", null));
		VendorDetails details = new VendorDetails(name, "SIP trunking", RiskTier.CRITICAL, owner.getId(), contacts);

		Vendor registered = vendors.register(details, "compliance-lead");
		Vendor loaded = vendors.get(registered.getId());

		assertThat(loaded.details()).isEqualTo(details);
		assertThat(loaded.getContacts()).containsExactlyElementsOf(contacts);
		assertThat(vendors.findByName(name)).contains(loaded);
		assertThat(vendors.search(name.toLowerCase(), RiskTier.CRITICAL, PageRequest.of(0, 5)).getContent())
			.containsExactly(loaded);
		assertThat(vendors.search(name, RiskTier.LOW, PageRequest.of(0, 5))).isEmpty();
	}

	@Test
	void updatesContactsInOrderAndAuditsTheChange() {
		Person owner = people.register(TestData.employee("Otto Owner", null), "admin");
		Vendor vendor = vendors.register(new VendorDetails(TestData.unique("Carrier"), "DIDs", RiskTier.MEDIUM,
				owner.getId(), List.of(new VendorContact("A", "a@carrier.example", null))), "compliance-lead");
		List<VendorContact> replaced = List.of(new VendorContact("B", "b@carrier.example", null),
				new VendorContact("C", "c@carrier.example", "+1 555 0100"));

		vendors.update(vendor.getId(),
				new VendorDetails(vendor.getName(), "DIDs", RiskTier.HIGH, owner.getId(), replaced), "compliance-lead");

		Vendor loaded = vendors.get(vendor.getId());
		assertThat(loaded.getContacts()).containsExactlyElementsOf(replaced);
		assertThat(loaded.getRiskTier()).isEqualTo(RiskTier.HIGH);
		assertThat(auditEntries
			.search(null, "VENDOR_CHANGED", "Vendor", vendor.getId().toString(), null, null, PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.getDetails()).contains("\"changedFields\":[\"riskTier\",\"contacts\"]");
	}

	@Test
	void refusesAnEditBasedOnAStaleVersion() {
		Person owner = people.register(TestData.employee("Sid Stale", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "SMS", RiskTier.LOW, owner.getId(), List.of()),
				"compliance-lead");
		vendors.update(vendor.getId(), 0L,
				new VendorDetails(vendor.getName(), "SMS and voice", RiskTier.LOW, owner.getId(), List.of()),
				"compliance-lead");

		assertThatThrownBy(() -> vendors.update(vendor.getId(), 0L,
				new VendorDetails(vendor.getName(), "fax", RiskTier.LOW, owner.getId(), List.of()), "admin"))
			.isInstanceOf(StaleVersionException.class);
		assertThat(vendors.get(vendor.getId()).getServices()).isEqualTo("SMS and voice");
	}

	@Test
	void rejectsDuplicateNamesAndInvalidContacts() {
		Person owner = people.register(TestData.employee("Ida Invalid", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "SMS", RiskTier.LOW, owner.getId(), List.of()),
				"compliance-lead");

		assertThatThrownBy(() -> vendors.register(
				new VendorDetails(vendor.getName(), "SMS", RiskTier.LOW, owner.getId(), List.of()), "compliance-lead"))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> vendors.register(new VendorDetails(TestData.unique("Carrier"), "SMS", RiskTier.LOW,
				owner.getId(), List.of(new VendorContact("X", "not-an-email", "call me"))), "compliance-lead"))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("email")
			.hasMessageContaining("phone");
	}

}
