package io.trunkguard.demo;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.Grants;
import io.trunkguard.access.SystemKind;
import io.trunkguard.access.Systems;
import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.People;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.testsupport.AuditTrailTampering;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendor.Vendors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set against a real database; run on H2 and PostgreSQL by the subclasses.
 * One test method, because the data set loads once per database and the second run must
 * load nothing.
 */
abstract class DemoDataIntegrationTests {

	@Autowired
	DemoDataLoader loader;

	@Autowired
	People people;

	@Autowired
	Systems systems;

	@Autowired
	Grants grants;

	@Autowired
	Vendors vendors;

	@Autowired
	PersonService personService;

	@Autowired
	AccessService access;

	@Autowired
	VendorService vendorService;

	@Autowired
	AuditEntries auditEntries;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	DataSource dataSource;

	@Test
	void loadsTheDataSetOnceWithWhatAReviewShouldSurface() {
		new AuditTrailTampering(dataSource).resetChain(); // other tests of this context
															// may have tampered with it
		long peopleBefore = people.count();
		long systemsBefore = systems.count();
		long grantsBefore = grants.count();
		long vendorsBefore = vendors.count();

		DemoDataSummary first = loader.load();

		assertThat(first.loaded()).isTrue();
		assertThat(loader.isLoaded()).isTrue();
		assertThat(first.people()).isEqualTo(44);
		assertThat(first.systems()).isEqualTo(8);
		assertThat(first.vendors()).isEqualTo(3);
		assertThat(first.grants()).isBetween(140, 170);
		assertThat(people.count() - peopleBefore).isEqualTo(first.people());
		assertThat(systems.count() - systemsBefore).isEqualTo(first.systems());
		assertThat(grants.count() - grantsBefore).isEqualTo(first.grants());
		assertThat(vendors.count() - vendorsBefore).isEqualTo(first.vendors());
		// every change went through the services, so the audit trail holds one entry
		// each, and the chain is intact
		// the carriers' records (contracts, endpoints, SOC reports, questionnaires,
		// reviews, stored files, captures) are audited by their own modules: counted
		// apart, and there must be some
		long carrierSide = 0;
		for (String type : List.of("Contract", "TrunkEndpoint", "SocReport", "StoredFile", "EvidenceItem",
				"Questionnaire", "QuestionnaireTemplate", "CarrierReview", "Capture", "CaptureLeg", "Audit")) {
			carrierSide += demoEntries(type);
		}
		long vendorUpdates = demoEntries("Vendor") - first.vendors();
		assertThat(carrierSide).isPositive();
		assertThat(vendorUpdates).isNotNegative();
		assertThat(demoEntries(null)).isEqualTo(first.people() + first.systems() + first.grants() + first.vendors()
				+ 2 /* leavers */ + first.revokedGrants() + carrierSide + vendorUpdates);
		assertThat(verifier.verify().intact()).isTrue();

		// the four demo logins, the reviewer being a manager and a system owner
		for (String username : List.of("reviewer", "compliance-lead", "auditor", "admin")) {
			assertThat(personService.findByUsername(username)).as(username).isPresent();
		}
		Person reviewer = personService.findByUsername("reviewer").orElseThrow();
		assertThat(personService.directReports(reviewer.getId())).hasSizeGreaterThan(5);
		assertThat(systems.findByOwnerIdOrderByName(reviewer.getId())).isNotEmpty();

		// eight systems, the identity provider with the Keycloak connector
		AccessSystem idp = access.findSystemByName("Keycloak Identity Provider").orElseThrow();
		assertThat(idp.getKind()).isEqualTo(SystemKind.IDENTITY_PROVIDER);
		assertThat(idp.getConnector()).isEqualTo(ConnectorType.KEYCLOAK);
		assertThat(access.allSystems()).extracting(AccessSystem::getKind)
			.contains(SystemKind.SIP_ADMIN_PORTAL, SystemKind.SBC, SystemKind.CALL_RECORDING,
					SystemKind.CARRIER_PORTAL);

		// privileged and dormant grants
		assertThat(grants.countByStatusAndPrivilegedTrue(GrantStatus.ACTIVE)).isGreaterThan(10);
		Instant ninetyDaysAgo = Instant.now().minus(AccessGrant.DEFAULT_DORMANCY);
		assertThat(access.searchGrants(GrantQuery.dormant(ninetyDaysAgo), PageRequest.of(0, 1)).getTotalElements())
			.isGreaterThan(10);

		// a leaver who still holds access, and one who was deprovisioned
		Person marco = personService.findByHrId("HR-1016").orElseThrow();
		assertThat(marco.getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);
		assertThat(access.activeGrantsOf(marco.getId())).isNotEmpty();
		Person olga = personService.findByHrId("HR-1026").orElseThrow();
		assertThat(olga.getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);
		assertThat(access.activeGrantsOf(olga.getId())).isEmpty();

		// contractors past their end date who are still active and hold access
		List<Person> expiredContractors = people.findByEmploymentStatusOrderByFullName(EmploymentStatus.ACTIVE)
			.stream()
			.filter(p -> p.getEmploymentType() == EmploymentType.CONTRACTOR && p.isPastEndDate(LocalDate.now()))
			.toList();
		assertThat(expiredContractors).hasSize(2);
		assertThat(expiredContractors).allSatisfy(p -> assertThat(access.activeGrantsOf(p.getId())).isNotEmpty());

		// three carriers
		assertThat(vendorService.findByName("Northwind Carrier Services")).isPresent();
		assertThat(vendorService.all()).extracting(v -> v.getName())
			.contains("Northwind Carrier Services", "Bluefin Telecom", "Meridian Voice Networks");

		// a second run loads nothing
		long entriesAfterFirst = auditEntries.count();
		DemoDataSummary second = loader.load();

		assertThat(second.loaded()).isFalse();
		assertThat(people.count() - peopleBefore).isEqualTo(first.people());
		assertThat(grants.count() - grantsBefore).isEqualTo(first.grants());
		assertThat(auditEntries.count()).isEqualTo(entriesAfterFirst);
	}

	private long demoEntries(String subjectType) {
		return auditEntries.search(DemoDataLoader.ACTOR, null, subjectType, null, null, null, PageRequest.of(0, 1))
			.getTotalElements();
	}

}
