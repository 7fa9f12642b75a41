package io.trunkguard.deprovisioning.hr;

import io.trunkguard.testsupport.RemoteAddresses;
import io.trunkguard.TrunkguardApplication;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed roster CSV import in the whole application on H2 (the same context as
 * {@link HrWebhookIntegrationTest}): who disappeared or reached their end date is
 * deprovisioned once; bad files and implausible rosters do nothing.
 */
@SpringBootTest(classes = TrunkguardApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:trunkguard-hr-webhook;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"trunkguard.demo.enabled=false", "trunkguard.hr.webhook.secret=" + HrWebhookIntegrationTest.SECRET,
				"trunkguard.deprovisioning.roster-max-terminations-percent=50",
				"camunda.bpm.job-execution.enabled=false" })
@AutoConfigureMockMvc
class RosterImportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	List<Person> staff;

	@BeforeEach
	void setUp() {
		staff = java.util.stream.IntStream.range(0, 4).mapToObj(i -> {
			String hr = "R-" + UUID.randomUUID().toString().substring(0, 8);
			return people.register(new PersonDetails(hr, "Roster Person " + i, hr.toLowerCase() + "@example.test",
					hr.toLowerCase(), null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2021, 1, 4), null), "tester");
		}).toList();
	}

	/**
	 * Every active person (all tests share the database), except the ones left out, with
	 * optional end dates.
	 */
	String roster(Person leftOut, Person ending) {
		return "hr_id,name,end_date\n"
				+ people.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), Pageable.unpaged())
					.getContent()
					.stream()
					.filter(p -> !p.equals(leftOut))
					.map(p -> p.getHrId() + ",\"" + p.getFullName() + ", NOC\","
							+ (p.equals(ending) ? LocalDate.now().minusDays(1) : ""))
					.collect(Collectors.joining("\n"))
				+ "\nNEW-JOINER-1,Nina New,\n";
	}

	static MockHttpServletRequestBuilder signed(String csv) {
		byte[] body = csv.getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return post("/hr/roster").contentType("text/csv")
			.content(body)
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.SIGNATURE_HEADER,
					new WebhookSignature(HrWebhookIntegrationTest.SECRET).sign(timestamp, body));
	}

	int cases() {
		return jdbc.queryForObject("select count(*) from deprovisioning_case", Integer.class);
	}

	@Test
	void deprovisionsWhoDisappearedOrReachedTheirEndDateOnce() throws Exception {
		Person gone = staff.get(0);
		Person ending = staff.get(1);
		String csv = roster(gone, ending);

		mvc.perform(signed(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.disappeared.length()").value(1))
			.andExpect(jsonPath("$.disappeared[0]").value(gone.getHrId()))
			.andExpect(jsonPath("$.ended.length()").value(1))
			.andExpect(jsonPath("$.ended[0]").value(ending.getHrId()))
			.andExpect(jsonPath("$.newCases.length()").value(2))
			.andExpect(jsonPath("$.newCases[0]").isString())
			.andExpect(jsonPath("$.unknownHrIds", hasItem("NEW-JOINER-1")));
		assertThat(deprovisioning.openCaseOf(gone.getId()).orElseThrow().getSource())
			.isEqualTo(TerminationSource.ROSTER_CSV);
		assertThat(deprovisioning.openCaseOf(ending.getId()).orElseThrow().getEffectiveAt())
			.isEqualTo(LocalDate.now().minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
		assertThat(deprovisioning.openCaseOf(staff.get(2).getId())).isEmpty();

		int before = cases();
		mvc.perform(signed(csv)).andExpect(status().isOk()).andExpect(jsonPath("$.newCases.length()").value(0));
		assertThat(cases()).isEqualTo(before);
		assertThat(deprovisioning.openCaseOf(gone.getId()).orElseThrow().getReceipts()).hasSize(2);
	}

	@Test
	void refusesARosterThatWouldTerminateImplausiblyManyPeople() throws Exception {
		int before = cases();
		mvc.perform(signed("hr_id,end_date\n"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail", containsString("nothing was done")));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void refusesARosterEndingAnEmploymentMoreThanAYearAgo() throws Exception {
		int before = cases();
		String csv = roster(null, null).replace(staff.get(1).getHrId() + ",\"Roster Person 1, NOC\",",
				staff.get(1).getHrId() + ",\"Roster Person 1, NOC\",1970-01-01");
		mvc.perform(signed(csv))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail", containsString(staff.get(1).getHrId() + ", 1970-01-01")))
			.andExpect(jsonPath("$.detail", containsString("nothing was done")));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void refusesABadCsvWholeAndSaysWhichLines() throws Exception {
		int before = cases();
		mvc.perform(signed("name,end_date\nX,\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("no hr_id column")));
		mvc.perform(signed(roster(staff.get(0), null) + staff.get(1).getHrId() + ",dup,\nR-x,bad,31.12.2026\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("appears twice")))
			.andExpect(jsonPath("$.detail", containsString("not an ISO date")));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void refusesAnUnsignedRosterAndAuditsIt() throws Exception {
		long refused = audit.search("anonymous", "HR_ROSTER_REFUSED", null, null, null, null, Pageable.ofSize(1))
			.getTotalElements();
		int before = cases();
		mvc.perform(
				post("/hr/roster").contentType("text/csv").content("hr_id\n").with(RemoteAddresses.fromAFreshAddress()))
			.andExpect(status().isUnauthorized());
		assertThat(cases()).isEqualTo(before);
		assertThat(audit.search("anonymous", "HR_ROSTER_REFUSED", null, null, null, null, Pageable.ofSize(1))
			.getTotalElements()).isEqualTo(refused + 1);
	}

}
