package io.trunkguard.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.AccountBindingRequest;
import io.trunkguard.people.AccountBindings;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;

/**
 * The page of pending account-binding requests: a lead sees them and decides, but never
 * their own request or their own login or person; each decision and each refused attempt
 * is audited, and the refusal is said on the page.
 */
@EmbeddedDefaultTest
class AccountBindingPagesIntegrationTest {

	static final String PAGE = "/people/account-bindings";

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccountBindings bindings;

	@Autowired
	AuditEntries audit;

	Person person(String name) {
		String hr = "BP-" + UUID.randomUUID().toString().substring(0, 8);
		return people.register(new PersonDetails(hr, name, hr.toLowerCase() + "@example.test", hr.toLowerCase(), null,
				"NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 2), null), "tester");
	}

	static RequestPostProcessor lead(Person p) {
		return user(p.getUsername()).roles("compliance-lead");
	}

	long audited(String action, String subjectId) {
		return audit.search(null, action, null, subjectId, null, null, Pageable.ofSize(50)).getTotalElements();
	}

	@Test
	void listsAPendingRequestAndASecondLeadApprovesIt() throws Exception {
		Person asking = person("Asha Asking");
		Person second = person("Sam Second");
		Person subject = person("Tom Subject");
		AccountBindingRequest request = bindings.request(subject.getId(), "tom.new", "renamed in the directory",
				asking.getUsername());

		String page = mvc.perform(get(PAGE).with(lead(second)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Tom Subject (" + subject.getHrId() + ")", "renamed in the directory",
				"Approve tom.new for Tom Subject", "approve-" + request.getId());

		mvc.perform(post(PAGE + "/" + request.getId() + "/approve").with(lead(second)).with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("message",
					"Approved by " + second.getUsername() + ": binding the login tom.new to Tom Subject ("
							+ subject.getHrId() + ") (was the login " + subject.getUsername() + ", asked by "
							+ asking.getUsername() + ")."));

		assertThat(people.get(subject.getId()).getUsername()).isEqualTo("tom.new");
		assertThat(audited("ACCOUNT_BINDING_APPROVED", subject.getId().toString())).isOne();
		assertThat(mvc.perform(get(PAGE).with(lead(second))).andReturn().getResponse().getContentAsString())
			.doesNotContain("approve-" + request.getId());
	}

	@Test
	void refusesTheRequesterAndThePersonThemselvesAndAuditsTheAttempts() throws Exception {
		Person asking = person("Ann Asking");
		Person subject = person("Sid Subject");
		AccountBindingRequest request = bindings.request(subject.getId(), "sid.new", "typo in the login",
				asking.getUsername());

		mvc.perform(post(PAGE + "/" + request.getId() + "/approve").with(lead(asking)).with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attributeExists("error"));
		mvc.perform(post(PAGE + "/" + request.getId() + "/approve").with(lead(subject)).with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attributeExists("error"));

		assertThat(people.get(subject.getId()).getUsername()).isEqualTo(subject.getUsername());
		assertThat(audited(AccountBindingPages.REFUSED, request.getId().toString())).isEqualTo(2);
		assertThat(bindings.get(request.getId()).getStatus()).isEqualTo(AccountBindingRequest.Status.PENDING);
	}

	@Test
	void asksFromThePersonsPageAndRefusesBadInputWithASentence() throws Exception {
		Person asking = person("Nia Nameless");
		Person subject = person("Pat Pending");
		String personPage = "/people/" + subject.getId();

		mvc.perform(post(personPage + "/account-binding").param("username", "pat.new")
			.param("reason", " ")
			.with(lead(asking))
			.with(csrf()))
			.andExpect(redirectedUrl(personPage))
			.andExpect(flash().attribute("error", "Say why the login account of Pat Pending changes."));
		mvc.perform(post(personPage + "/account-binding").param("username", "Pat New!")
			.param("reason", "renamed")
			.with(lead(asking))
			.with(csrf()))
			.andExpect(redirectedUrl(personPage))
			.andExpect(flash().attribute("error", "A login name holds lower-case letters, digits, '.', '_' or '-' "
					+ "only (at most 100), and the reason at most 1,000 characters."));
		assertThat(bindings.pending()).noneMatch(r -> r.getPersonId().equals(subject.getId()));

		mvc.perform(post(personPage + "/account-binding").param("username", "pat.new")
			.param("reason", "renamed in the directory")
			.with(lead(asking))
			.with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("message",
					"Asked by " + asking.getUsername() + ": binding the login pat.new to Pat Pending ("
							+ subject.getHrId() + ") instead of the login " + subject.getUsername()
							+ "; a second compliance lead or an admin must approve it."));
		assertThat(bindings.pending()).filteredOn(r -> r.getPersonId().equals(subject.getId()))
			.singleElement()
			.satisfies(r -> assertThat(r.getRequestedBy()).isEqualTo(asking.getUsername()));
		assertThat(people.get(subject.getId()).getUsername()).isEqualTo(subject.getUsername());
	}

	@Test
	void anAdminRefusesARequestWithANote() throws Exception {
		Person asking = person("Rita Requester");
		Person subject = person("Ulf Unchanged");
		AccountBindingRequest request = bindings.request(subject.getId(), "ulf.other", "wrong person",
				asking.getUsername());

		mvc.perform(post(PAGE + "/" + request.getId() + "/reject").param("note", "not the same Ulf")
			.with(user("admin").roles("admin"))
			.with(csrf())).andExpect(redirectedUrl(PAGE)).andExpect(flash().attributeExists("message"));

		AccountBindingRequest decided = bindings.get(request.getId());
		assertThat(decided.getStatus()).isEqualTo(AccountBindingRequest.Status.REJECTED);
		assertThat(decided.getDecisionNote()).isEqualTo("not the same Ulf");
		assertThat(people.get(subject.getId()).getUsername()).isEqualTo(subject.getUsername());
	}

	@Test
	void theAuditorReadsButCannotDecideAndTheReviewerCannotOpenIt() throws Exception {
		Person asking = person("Olga Owner");
		Person subject = person("Vic Viewed");
		AccountBindingRequest request = bindings.request(subject.getId(), "vic.new", "merge of two logins",
				asking.getUsername());

		assertThat(mvc.perform(get(PAGE).with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("merge of two logins").doesNotContain("approve-" + request.getId());
		mvc.perform(post(PAGE + "/" + request.getId() + "/approve").with(user("auditor").roles("auditor")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get(PAGE).with(user("reviewer").roles("reviewer"))).andExpect(status().isForbidden());
	}

}
