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

	@Autowired
	CarrierTrunks trunks;

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

	@Test
	void keepsTrunkEndpointsAndRefusesARangeThatDoesNotParse() throws Exception {
		Person owner = people.register(TestData.employee("Tara Trunk", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "SIP trunking", RiskTier.HIGH, owner.getId(), List.of()),
				"compliance-lead");

		TrunkEndpoint endpoint = trunks.addEndpoint(vendor.getId(),
				new TrunkEndpointDraft("203.0.113.0/29", "sip.example.net", 5061, Transport.TLS, List.of(), "edge"),
				"compliance-lead");

		assertThat(trunks.endpointsOf(vendor.getId())).singleElement().satisfies(e -> {
			assertThat(e.getAddress()).isEqualTo("203.0.113.0/29");
			assertThat(e.getTransport()).isEqualTo(Transport.TLS);
		});
		assertThat(trunks.allEndpoints()).extracting(TrunkEndpoint::getId).contains(endpoint.getId());
		assertThatThrownBy(() -> trunks.addEndpoint(vendor.getId(),
				new TrunkEndpointDraft("203.0.113.0/35", null, null, Transport.UDP, List.of(), null),
				"compliance-lead"))
			.isInstanceOf(io.trunkguard.shared.InvalidInputException.class)
			.hasMessageContaining("invalid prefix length");
		assertThat(trunks.endpointsOf(vendor.getId())).hasSize(1);

		trunks.removeEndpoint(vendor.getId(), endpoint.getId(), "compliance-lead");
		assertThat(trunks.endpointsOf(vendor.getId())).isEmpty();
		assertThat(auditEntries
			.search(null, "TRUNK_ENDPOINT_ADDED", "Vendor", vendor.getId().toString(), null, null, PageRequest.of(0, 1))
			.getContent()).singleElement()
			.satisfies(e -> assertThat(e.getDetails()).contains("sip.example.net (203.0.113.0/29) port 5061 over TLS"));
	}

	@Test
	void encryptionStatusStartsWithNoCaptureAnalysedAndRecordsWhatACaptureShows() {
		Person owner = people.register(TestData.employee("Enzo Encrypt", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "SIP trunking", RiskTier.HIGH, owner.getId(), List.of()),
				"compliance-lead");

		assertThat(trunks.encryptionStatus(vendor.getId())).isEqualTo(EncryptionState.NONE);
		assertThat(EncryptionState.NONE.describe()).isEqualTo("No capture analysed");

		java.time.Instant observed = java.time.Instant.parse("2026-11-30T10:15:30Z");
		trunks.recordEncryptionStatus(vendor.getId(), EncryptionStatus.ENCRYPTED, observed, "capture trunk-nov.pcapng",
				"c-1", "system:capture-analysis");
		EncryptionState partly = trunks.recordEncryptionStatus(vendor.getId(), EncryptionStatus.PARTLY_ENCRYPTED,
				observed.plusSeconds(86400), "capture trunk-dec.pcapng", "c-2", "system:capture-analysis");

		assertThat(trunks.encryptionStatus(vendor.getId())).isEqualTo(partly);
		assertThat(partly.describe()).isEqualTo("Partly encrypted (capture trunk-dec.pcapng)");
		assertThat(vendors.get(vendor.getId()).details().name()).isEqualTo(vendor.getName());
		assertThat(auditEntries
			.search(null, "VENDOR_ENCRYPTION_STATUS_SET", "Vendor", vendor.getId().toString(), null, null,
					PageRequest.of(0, 5))
			.getContent()).hasSize(2);
	}

	@Test
	void profileRoundTripsAndItsCriteriaSetTheTier() {
		Person owner = people.register(TestData.employee("Paula Profile", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "SIP trunking", RiskTier.LOW, owner.getId(), List.of()),
				"compliance-lead");
		CarrierProfile profile = new CarrierProfile("DE", CarrierStatus.ONBOARDING,
				new RiskCriteria(DataHandled.CALL_METADATA, CallContent.CARRIES, Criticality.MEDIUM),
				List.of(new SubProcessor("Hetzner", "Hosting of the SBC cluster", "DE"),
						new SubProcessor("Twilio", "SMS delivery", "US")));

		vendors.updateProfile(vendor.getId(), profile, "compliance-lead");

		Vendor loaded = vendors.get(vendor.getId());
		assertThat(loaded.profile()).isEqualTo(profile);
		assertThat(loaded.getRiskTier()).isEqualTo(RiskTier.HIGH);
		assertThat(loaded.getRiskTierExplanation()).startsWith("High tier, set by call content: carries call media");
		assertThat(loaded.getHeadquartersCountryName()).isEqualTo("Germany");
		assertThat(auditEntries
			.search(null, "VENDOR_CHANGED", "Vendor", vendor.getId().toString(), null, null, PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.getDetails()).contains("subProcessors").contains("riskTier");
		// an edit of the register entry keeps the tier the criteria set
		vendors.update(vendor.getId(),
				new VendorDetails(loaded.getName(), "SIP trunking, SMS", RiskTier.LOW, owner.getId(), List.of()),
				"compliance-lead");
		assertThat(vendors.get(vendor.getId()).getRiskTier()).isEqualTo(RiskTier.HIGH);
	}

	@Test
	void refusesUnknownCountriesAndKeepsTheProfile() {
		Person owner = people.register(TestData.employee("Connie Country", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "DIDs", RiskTier.MEDIUM, owner.getId(), List.of()),
				"compliance-lead");

		assertThatThrownBy(() -> vendors.updateProfile(vendor.getId(),
				new CarrierProfile("XX", CarrierStatus.ACTIVE, null,
						List.of(new SubProcessor("Acme", "Numbers", "QQ"))),
				"compliance-lead"))
			.isInstanceOf(io.trunkguard.shared.InvalidInputException.class)
			.hasMessageContaining("\"XX\" is not a country code")
			.hasMessageContaining("sub-processor Acme: \"QQ\"");
		assertThatThrownBy(() -> vendors.updateProfile(vendor.getId(),
				new CarrierProfile("de", CarrierStatus.ACTIVE, null, List.of()), "compliance-lead"))
			.isInstanceOf(ConstraintViolationException.class);

		Vendor loaded = vendors.get(vendor.getId());
		assertThat(loaded.getHeadquartersCountry()).isNull();
		assertThat(loaded.getStatus()).isEqualTo(CarrierStatus.ACTIVE);
		assertThat(loaded.getSubProcessors()).isEmpty();
		assertThat(loaded.getRiskTier()).isEqualTo(RiskTier.MEDIUM);
	}

}
