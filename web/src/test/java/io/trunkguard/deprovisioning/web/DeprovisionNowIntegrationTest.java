package io.trunkguard.deprovisioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;

/**
 * "Deprovision now": a compliance lead starts the deprovisioning of a leaver who still
 * holds access from the person's page, after ticking a confirmation that names the
 * person; the same process as an HR event starts once, and the start is audited.
 */
@EmbeddedDefaultTest
class DeprovisionNowIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	AuditEntries audit;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void startsTheDeprovisioningOfALeaverOnceAfterAConfirmationNamingThePerson() throws Exception {
		Person leaver = people
			.register(new PersonDetails("HR-N-" + run, "Nora Now " + run, "nora." + run + "@example.test", null, null,
					"NOC", EmploymentType.EMPLOYEE, LocalDate.of(2021, 5, 3), null), "tester");
		AccessSystem system = access.allSystems().get(0);
		access.issueGrant(new NewGrant(leaver.getId(), system.getId(), "operator-" + run, false), "tester");
		String path = "/deprovisioning/leavers/" + leaver.getId();

		// still employed: refused with a sentence, nothing started
		mvc.perform(post(path).param("confirm", "yes").with(csrf()).with(lead()))
			.andExpect(redirectedUrl("/people/" + leaver.getId()))
			.andExpect(flash().attribute("error", containsString("Nora Now " + run + " has not left")));

		people.markLeft(leaver.getId(), LocalDate.now().minusDays(1), "tester");

		// the page offers it, naming the person
		mvc.perform(get("/people/" + leaver.getId()).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("I confirm: remove every access of Nora Now " + run)))
			.andExpect(content().string(containsString("id=\"deprovision-now\"")));

		// without the confirmation: nothing starts
		mvc.perform(post(path).with(csrf()).with(lead()))
			.andExpect(redirectedUrl("/people/" + leaver.getId()))
			.andExpect(flash().attribute("error", containsString("confirms removing every access of Nora Now")));
		assertThat(entries(leaver)).isZero();

		// confirmed: the case starts, named, and the start is audited with the person
		String casePage = mvc.perform(post(path).param("confirm", "yes").with(csrf()).with(lead()))
			.andExpect(redirectedUrlPattern("/deprovisioning/*"))
			.andExpect(flash().attribute("message", containsString("Deprovisioning of Nora Now " + run + " started")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(entries(leaver)).isEqualTo(1);
		AuditEntry entry = audit
			.search("compliance-lead", DeprovisionNow.ACTION, "Person", leaver.getId().toString(), null, null,
					PageRequest.of(0, 1))
			.getContent()
			.get(0);
		assertThat(entry.getDetails()).contains("Nora Now " + run).contains("HR-N-" + run);

		// again: the same case, not a second one
		mvc.perform(post(path).param("confirm", "yes").with(csrf()).with(lead()))
			.andExpect(redirectedUrl(casePage))
			.andExpect(flash().attribute("message", containsString("already being deprovisioned")));
	}

	@Test
	void refusesEveryoneButAComplianceLead() throws Exception {
		Person someone = people.search(io.trunkguard.people.PersonSearch.all(), PageRequest.of(0, 1))
			.getContent()
			.get(0);
		for (String role : new String[] { "reviewer", "auditor", "admin" }) {
			mvc.perform(post("/deprovisioning/leavers/" + someone.getId()).param("confirm", "yes")
				.with(csrf())
				.with(user(role).roles(role))).andExpect(status().isForbidden());
		}
	}

	private long entries(Person person) {
		return audit
			.search("compliance-lead", DeprovisionNow.ACTION, "Person", person.getId().toString(), null, null,
					PageRequest.of(0, 1))
			.getTotalElements();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor lead() {
		return user("compliance-lead").roles("compliance-lead");
	}

}
