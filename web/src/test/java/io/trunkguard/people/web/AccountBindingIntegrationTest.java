package io.trunkguard.people.web;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The walk-around of issue 13: a compliance lead moves the username that binds their
 * login to their own person, so that the self-review check no longer sees them. The
 * people API refuses to move a login with the details; a binding change needs a second
 * lead or an admin, and every step is audited.
 */
@EmbeddedDefaultTest
class AccountBindingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AuditEntries audit;

	Person person(String name) {
		String hr = "AB-" + UUID.randomUUID().toString().substring(0, 8);
		return people.register(new PersonDetails(hr, name, hr.toLowerCase() + "@example.test", hr.toLowerCase(), null,
				"NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 2), null), "tester");
	}

	static RequestPostProcessor lead(Person p) {
		return user(p.getUsername()).roles("compliance-lead");
	}

	static String json(Person p, String username) {
		return """
				{"hrId": "%s", "fullName": "%s", "email": "%s", "username": "%s", "employmentType": "EMPLOYEE",
				 "startDate": "2023-01-02", "version": %d}
				""".formatted(p.getHrId(), p.getFullName(), p.getEmail(), username, p.getVersion());
	}

	@Test
	void aLeadCannotMoveTheirOwnLoginAwayThroughThePeopleApi() throws Exception {
		Person lead = person("Lara Lead");

		mvc.perform(put("/api/people/" + lead.getId()).contentType(MediaType.APPLICATION_JSON)
			.content(json(lead, lead.getUsername() + "-old"))
			.with(lead(lead))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("person.account-binding-needs-approval"));
		mvc.perform(post("/api/people/" + lead.getId() + "/account-binding").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"" + lead.getUsername() + "-old\", \"reason\": \"rename\"}")
			.with(lead(lead))
			.with(csrf())).andExpect(status().isConflict());

		assertThat(people.get(lead.getId()).getUsername()).isEqualTo(lead.getUsername());
	}

	@Test
	void aBindingChangeTakesEffectOnlyWhenASecondLeadOrAnAdminApprovesIt() throws Exception {
		Person lead = person("Lara Lead");
		Person reviewer = person("Rico Reviewer");
		String newLogin = reviewer.getUsername() + "-new";

		String body = mvc
			.perform(
					post("/api/people/" + reviewer.getId() + "/account-binding").contentType(MediaType.APPLICATION_JSON)
						.content("{\"username\": \"" + newLogin + "\", \"reason\": \"renamed in the directory\"}")
						.with(lead(lead))
						.with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String requestId = com.jayway.jsonpath.JsonPath.read(body, "$.id");

		mvc.perform(post("/api/people/account-bindings/" + requestId + "/approve").with(lead(lead)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("person.account-binding-own-request"));
		mvc.perform(
				post("/api/people/account-bindings/" + requestId + "/approve").with(user("reviewer").roles("reviewer"))
					.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(people.get(reviewer.getId()).getUsername()).isEqualTo(reviewer.getUsername());

		mvc.perform(post("/api/people/account-bindings/" + requestId + "/approve").with(user("admin").roles("admin"))
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

		assertThat(people.get(reviewer.getId()).getUsername()).isEqualTo(newLogin);
		assertThat(audit.search(null, null, "Person", reviewer.getId().toString(), null, null, Pageable.ofSize(20)))
			.extracting(AuditEntry::getAction, AuditEntry::getActor)
			.contains(org.assertj.core.groups.Tuple.tuple("ACCOUNT_BINDING_REQUESTED", lead.getUsername()),
					org.assertj.core.groups.Tuple.tuple("ACCOUNT_BINDING_APPROVED", "admin"));
	}

	@Test
	void answersAMalformedRequestIdWith400() throws Exception {
		mvc.perform(
				post("/api/people/account-bindings/not-a-uuid/approve").with(user("admin").roles("admin")).with(csrf()))
			.andExpect(status().isBadRequest());
	}

}
