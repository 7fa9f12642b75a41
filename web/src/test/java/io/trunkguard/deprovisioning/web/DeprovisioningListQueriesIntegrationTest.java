package io.trunkguard.deprovisioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;

/**
 * The lead's deprovisioning list runs the same number of SQL statements however many
 * cases are open: 20 more open cases (each with grants on two systems) add none. Counted
 * with Hibernate's statistics, switched on for this test.
 */
@EmbeddedDefaultTest
class DeprovisioningListQueriesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void listsTwentyMoreOpenCasesWithoutAnyMoreStatements() throws Exception {
		Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		try {
			openCases(1, "warm-up");
			long before = settledStatementsOfTheList(statistics);

			List<DeprovisioningCaseId> opened = openCases(20, "load");
			long after = settledStatementsOfTheList(statistics);

			assertThat(after).as("statements for the list with 20 more open cases (before: %d)", before)
				.isEqualTo(before);
			String page = list();
			assertThat(opened).allSatisfy(id -> assertThat(page).contains("data-case=\"" + id + "\""));
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
	}

	private List<DeprovisioningCaseId> openCases(int count, String label) {
		Person owner = people.findByHrId("HR-1002").orElseThrow();
		AccessSystem manual = access
			.registerSystem(new SystemDetails("Carrier portal " + label + " " + run, SystemKind.CARRIER_PORTAL, null,
					owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessSystem keycloak = access
			.registerSystem(new SystemDetails("Keycloak " + label + " " + run, SystemKind.IDENTITY_PROVIDER, null,
					owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		List<DeprovisioningCaseId> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String hrId = "HR-Q-" + label + "-" + i + "-" + run;
			Person leaver = people
				.register(new PersonDetails(hrId, "Quinn " + label + " " + i, hrId.toLowerCase() + "@example.test",
						null, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 1, 3), null), "tester");
			access.issueGrant(new NewGrant(leaver.getId(), manual.getId(), "portal-user", false), "tester");
			access.issueGrant(new NewGrant(leaver.getId(), keycloak.getId(), "reviewer", false), "tester");
			ids.add(deprovisioning
				.receiveTermination(new TerminationNotice("evt-q-" + label + "-" + i + "-" + run, hrId,
						Instant.now().minus(i + 1, ChronoUnit.MINUTES), TerminationSource.HR_WEBHOOK,
						"client:hr-webhook"))
				.caseId());
		}
		return ids;
	}

	/**
	 * The statements of one request for the list. The statistics count the whole
	 * application, and opening a case starts work on other threads (its process start):
	 * the figure is taken once two requests in a row agree.
	 */
	private long settledStatementsOfTheList(Statistics statistics) throws Exception {
		long previous = -1;
		for (int attempt = 0; attempt < 20; attempt++) {
			statistics.clear();
			list();
			long statements = statistics.getPrepareStatementCount();
			if (statements == previous) {
				return statements;
			}
			previous = statements;
			Thread.sleep(200);
		}
		throw new AssertionError("the statement count did not settle: other work kept running");
	}

	private String list() throws Exception {
		return mvc.perform(get("/deprovisioning").with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
