package io.trunkguard.control;

import io.trunkguard.TestData;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.StaleVersionException;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Controls against a real database; run on H2 and PostgreSQL. */
abstract class ControlIntegrationTests {

	@Autowired
	ControlService controls;

	@Autowired
	AuditEntries audit;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void seedsTheFourCriteriaWithTheirPointsOfFocus() {
		assertThat(controls.all()).extracting(Control::getCode).containsExactly("CC6.1", "CC6.7", "CC7.2", "CC9.2");
		assertThat(controls.get("CC6.1").getPointsOfFocus()).hasSize(5)
			.contains("Removes access promptly when employment or a contract ends");
		assertThat(controls.all()).allSatisfy(c -> assertThat(c.getPointsOfFocus()).isNotEmpty());
	}

	@Test
	void keepsEveryVersionOfANarrativeAndRefusesAnEditOfAnOlderOne() {
		int before = controls.narrative("CC6.7").map(ControlNarrative::getVersion).orElse(0);
		ControlNarrative first = controls.editNarrative("CC6.7", "Carrier trunks use TLS 1.2+ and SRTP.", before,
				"compliance-lead");
		ControlNarrative second = controls.editNarrative("CC6.7",
				"Carrier trunks use TLS 1.2+ and SRTP; captures are analysed each quarter.", first.getVersion(),
				"lead-two");

		assertThat(second.getVersion()).isEqualTo(first.getVersion() + 1);
		assertThat(controls.narrative("CC6.7")).get()
			.extracting(ControlNarrative::getText)
			.asString()
			.contains("quarter");
		assertThat(controls.narrativeHistory("CC6.7")).extracting(ControlNarrative::getVersion)
			.startsWith(second.getVersion(), first.getVersion());
		assertThatThrownBy(() -> controls.editNarrative("CC6.7", "lost update", first.getVersion(), "compliance-lead"))
			.isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> controls.editNarrative("CC6.7", "  ", second.getVersion(), "compliance-lead"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(audit
			.search("lead-two", "CONTROL_NARRATIVE_EDITED", "Control", "CC6.7", null, null, PageRequest.of(0, 5))
			.getContent()).singleElement().satisfies(e -> assertThat(e.getDetails()).contains("each quarter"));
	}

	@Test
	void namesAQuarterWithoutASignedOffCampaign() {
		ControlStatus status = controls.status("CC6.1", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30));

		assertThat(status.state()).isEqualTo(ControlState.NOT_SATISFIED);
		assertThat(status.gaps()).extracting(Gap::describe)
			.contains("2021-Q1: no signed-off access review campaign", "2021-Q2: no signed-off access review campaign");
		assertThat(status.expectations()).hasSize(2);
	}

	@Test
	void namesACarrierWhoseReviewIsOverdue() {
		String name = TestData.unique("Bluefin");
		Person owner = people.register(TestData.employee("Carrier Owner " + name, null), "admin");
		Vendor vendor = vendors
			.register(new VendorDetails(name, "SIP trunking", RiskTier.HIGH, owner.getId(), List.of()), "admin");
		jdbc.update("update vendor set created_at = timestamp '2021-05-03 10:00:00' where id = ?",
				vendor.getId().value());

		ControlStatus status = controls.status("CC9.2", LocalDate.of(2021, 4, 1), LocalDate.of(2021, 12, 31));

		assertThat(status.gaps()).extracting(Gap::describe).contains(name + ": review overdue since 2021-05-03");
		assertThat(controls.status("CC9.2", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31)).gaps())
			.extracting(Gap::where)
			.doesNotContain(name);
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() {
		assertThatThrownBy(() -> controls.status("CC7.2", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 1)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("must not end");
	}

}
