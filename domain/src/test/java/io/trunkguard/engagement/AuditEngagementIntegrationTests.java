package io.trunkguard.engagement;

import io.trunkguard.TestData;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.StaleVersionException;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Audits and their populations against a real database; run on H2 and PostgreSQL. */
abstract class AuditEngagementIntegrationTests {

	@Autowired
	AuditEngagementService audits;

	@Autowired
	AuditPopulations populations;

	@Autowired
	AuditEntries trail;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierReviewService carrierReviews;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void keepsAnAuditForItsAuditorsAndAuditsEveryChange() {
		AuditEngagement audit = audits.create(new AuditDraft(" FY " + run + " ", LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), List.of("cc9.2", "CC6.1", "CC9.2"), List.of("auditor-" + run, " ")),
				"compliance-lead");

		assertThat(audit.getName()).isEqualTo("FY " + run);
		assertThat(audit.getCriteria()).containsExactly("CC6.1", "CC9.2");
		assertThat(audits.assignedTo("auditor-" + run)).extracting(AuditEngagement::getId)
			.containsExactly(audit.getId());
		assertThat(audits.assignedTo("someone-else-" + run)).isEmpty();

		AuditEngagement edited = audits.edit(audit.getId(), new AuditDraft("FY " + run, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 6, 30), List.of("CC7.2"), List.of("other-" + run)), audit.getVersion(), "lead-two");
		assertThat(edited.getPeriodTo()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(audits.assignedTo("auditor-" + run)).isEmpty();
		assertThatThrownBy(() -> audits.edit(audit.getId(),
				new AuditDraft("lost", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), List.of("CC7.2"),
						List.of("x")),
				audit.getVersion(), "compliance-lead"))
			.isInstanceOf(StaleVersionException.class);
		assertThat(trail.search(null, null, "Audit", audit.getId().toString(), null, null, PageRequest.of(0, 10))
			.getContent()).extracting(e -> e.getAction())
			.containsExactlyInAnyOrder("AUDIT_ENGAGEMENT_CREATED", "AUDIT_ENGAGEMENT_CHANGED");
	}

	@Test
	void refusesAnAuditWithoutNameCriteriaOrAuditorsOrWithAReversedPeriodNamingEachField() {
		int before = audits.all().size();

		assertThatThrownBy(() -> audits.create(new AuditDraft(" ", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 1, 1),
				List.of("CC1.1"), List.of("not a login")), "compliance-lead"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.fieldErrors()).containsOnlyKeys("name", "to", "criteria", "auditors");
				assertThat(e.getMessage()).contains("the audit needs a name")
					.contains("“CC1.1” is not a criterion in scope (CC6.1, CC6.7, CC7.2, CC9.2)")
					.contains("“not a login” is not a login");
			});
		assertThatThrownBy(() -> audits.create(new AuditDraft("x", null, null, null, null), "compliance-lead"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKeys("from", "criteria", "auditors"));
		assertThat(audits.all()).hasSize(before);
	}

	@Test
	void listsTheCarrierReviewsDecidedInThePeriodAndOnlyThose() {
		Person owner = people.register(TestData.employee("Carrier Owner " + run, null), "admin");
		Vendor carrier = vendors.register(new VendorDetails("Carrier " + run, "SIP trunking", RiskTier.LOW,
				owner.getId(), List.of(new VendorContact("Ops", "ops@carrier.example", null))), "admin");
		LocalDate decided = LocalDate.now(ZoneOffset.UTC).minusDays(40);
		carrierReviews.recordPastReview(carrier.getId(), decided, Decision.APPROVED_WITH_CONDITIONS, "Fine " + run,
				List.of(), "compliance-lead", "compliance-lead");

		PopulationTable inside = populations.table(AuditPopulation.CARRIER_REVIEWS, decided, decided);
		PopulationTable after = populations.table(AuditPopulation.CARRIER_REVIEWS, decided.plusDays(1),
				decided.plusDays(2));

		assertThat(inside.header()).startsWith("Carrier", "Status");
		assertThat(inside.rows()).filteredOn(row -> row.get(0).equals("Carrier " + run))
			.singleElement()
			.satisfies(row -> assertThat(row).contains("Approved with conditions", "Fine " + run, "compliance-lead"));
		assertThat(after.rows()).noneSatisfy(row -> assertThat(row.get(0)).isEqualTo("Carrier " + run));
	}

	@Test
	void everyPopulationRunsOverAYear() {
		for (AuditPopulation population : AuditPopulation.values()) {
			PopulationTable table = populations.table(population, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
			assertThat(table.header()).as(population.label()).isNotEmpty();
			assertThat(table.rows()).as(population.label())
				.allSatisfy(row -> assertThat(row).hasSameSizeAs(table.header()));
		}
	}

}
