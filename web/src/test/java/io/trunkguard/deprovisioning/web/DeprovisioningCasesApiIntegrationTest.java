package io.trunkguard.deprovisioning.web;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.deprovisioning.CaseReceipt;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deprovisioning case API in the whole application (the same context as the HR input
 * tests): who may read what.
 */
@SpringBootTest(classes = TrunkguardApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:trunkguard-hr-webhook;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"trunkguard.demo.enabled=false", "trunkguard.hr.webhook.secret=test-webhook-secret-0123456789",
				"trunkguard.deprovisioning.roster-max-terminations-percent=50",
				"camunda.bpm.job-execution.enabled=false" })
@AutoConfigureMockMvc
class DeprovisioningCasesApiIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Test
	void showsOpenCasesAndEveryReceiptToComplianceLeadsAndAuditorsOnly() throws Exception {
		String hr = "API-" + UUID.randomUUID().toString().substring(0, 8);
		Person person = people.register(new PersonDetails(hr, "Ada Api", hr.toLowerCase() + "@example.test",
				hr.toLowerCase(), null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 2), null), "tester");
		CaseReceipt receipt = deprovisioning.receiveTermination(new TerminationNotice("evt-" + hr, hr,
				Instant.now().minusSeconds(3600), TerminationSource.MANUAL, "compliance-lead"));

		mvc.perform(get("/api/deprovisioning/cases").with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].hrId", hasItem(hr)));
		mvc.perform(get("/api/deprovisioning/cases/" + receipt.caseId()).with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.personId").value(person.getId().toString()))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.receipts[0].eventId").value("evt-" + hr));
		mvc.perform(get("/api/deprovisioning/cases/" + receipt.caseId()).with(user("reviewer").roles("reviewer")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/deprovisioning/cases/" + UUID.randomUUID()).with(user("admin").roles("admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/deprovisioning/cases")).andExpect(status().isUnauthorized());
	}

}
