package io.trunkguard.deprovisioning.hr;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The compliance lead's roster upload in the embedded default: a good roster deprovisions
 * who left it; a file with bad lines lists every one and changes nothing; too large,
 * empty or implausible files are refused whole; the auditor and forged (CSRF-less) posts
 * are refused.
 */
@EmbeddedDefaultTest
class RosterUploadPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	JdbcTemplate jdbc;

	String run = UUID.randomUUID().toString().substring(0, 8);

	MockMultipartHttpServletRequestBuilder upload(String csv) {
		return upload(csv.getBytes(StandardCharsets.UTF_8));
	}

	MockMultipartHttpServletRequestBuilder upload(byte[] content) {
		return multipart("/deprovisioning/roster")
			.file(new MockMultipartFile("file", "roster.csv", "text/csv", content));
	}

	/** Every active person's HR id but {@code leftOut}'s. */
	String rosterWithout(Person leftOut) {
		return "hr_id,name,end_date\n"
				+ people.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), Pageable.unpaged())
					.stream()
					.filter(p -> !p.getId().equals(leftOut.getId()))
					.map(p -> p.getHrId() + ",x,")
					.collect(Collectors.joining("\n"))
				+ "\n";
	}

	long cases() {
		return jdbc.queryForObject("select count(*) from deprovisioning_case", Long.class);
	}

	Person register(String name) {
		String hrId = "R-" + name + "-" + run;
		return people.register(new PersonDetails(hrId, name, hrId.toLowerCase() + "@example.test", null, null, "NOC",
				EmploymentType.EMPLOYEE, LocalDate.of(2021, 4, 1), null), "tester");
	}

	@Test
	void deprovisionsWhoLeftTheUploadedRoster() throws Exception {
		Person gone = register("gone");
		mvc.perform(get("/deprovisioning/roster").with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"roster-form\"")));

		mvc.perform(upload(rosterWithout(gone)).with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"roster-disappeared\">" + gone.getHrId())))
			.andExpect(content().string(containsString("id=\"roster-new-cases\">1")));

		assertThat(deprovisioning.openCaseOf(gone.getId())).isPresent();
		// the same roster again opens nothing new
		mvc.perform(upload(rosterWithout(gone)).with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"roster-new-cases\">0")));
	}

	@Test
	void listsEveryBadLineAndImportsNothing() throws Exception {
		Person gone = register("stays");
		long before = cases();
		String csv = rosterWithout(gone) + ",x,\nR-dup-" + run + ",x,\nR-dup-" + run + ",y,\nR-date-" + run
				+ ",x,31.12.2026\n";

		mvc.perform(upload(csv).with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("nothing imported")))
			.andExpect(content().string(containsString("hr_id missing")))
			.andExpect(content().string(containsString("appears twice")))
			.andExpect(content().string(containsString("end_date is not an ISO date (yyyy-mm-dd): 31.12.2026")));

		assertThat(cases()).isEqualTo(before);
		assertThat(deprovisioning.openCaseOf(gone.getId())).isEmpty();
	}

	@Test
	void refusesEmptyOversizedNonUtf8AndImplausibleFilesWhole() throws Exception {
		long before = cases();
		mvc.perform(upload(new byte[0]).with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a roster file")));
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		mvc.perform(upload(big).with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("larger than 5120 KB")));
		mvc.perform(upload(new byte[] { 'h', 'r', '_', 'i', 'd', '\n', (byte) 0xC3, (byte) 0x28 }).with(csrf())
			.with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not UTF-8")));
		mvc.perform(upload("hr_id\nHR-1001\n").with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("nothing was done")));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void refusesTheAuditorAndAPostWithoutCsrfToken() throws Exception {
		long before = cases();
		mvc.perform(upload("hr_id\nHR-1001\n").with(csrf()).with(user("auditor").roles("auditor")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/deprovisioning/roster").with(user("auditor").roles("auditor")))
			.andExpect(status().isForbidden());
		mvc.perform(upload("hr_id\nHR-1001\n").with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isForbidden());
		assertThat(cases()).isEqualTo(before);
	}

}
