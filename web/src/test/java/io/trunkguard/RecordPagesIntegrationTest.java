package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.audit.AuditActions;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.VendorService;

/**
 * The record pages: forms that keep refused input, revoking with a reason, read-only
 * pages for auditors.
 */
@EmbeddedDefaultTest
class RecordPagesIntegrationTest {

	private static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");

	private static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	AuditEntries audit;

	@Autowired
	VendorService vendors;

	@Test
	void registersAPersonThroughTheForm() throws Exception {
		mvc.perform(post("/people").with(LEAD)
			.with(csrf())
			.param("hrId", "PAGE-1")
			.param("fullName", "Form Person")
			.param("email", "form@example.com")
			.param("employmentType", "EMPLOYEE")
			.param("startDate", "2026-01-05")
			.param("department", "Voice")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("/people/*"));

		Person registered = people.findByHrId("PAGE-1").orElseThrow();
		assertThat(registered.getFullName()).isEqualTo("Form Person");
		assertThat(audit
			.search("compliance-lead", AuditActions.PERSON_REGISTERED, null, null, null, null, PageRequest.of(0, 10))
			.getTotalElements()).isPositive();
	}

	@Test
	void showsARefusedFormAgainWithTheInputAndAMessagePerField() throws Exception {
		String page = mvc
			.perform(post("/people").with(LEAD)
				.with(csrf())
				.param("hrId", "PAGE-2")
				.param("fullName", "Kept Name")
				.param("email", "not-an-email")
				.param("employmentType", "EMPLOYEE")
				.param("startDate", "not-a-date"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("value=\"Kept Name\"")
			.contains("value=\"not-an-email\"")
			.contains("value=\"PAGE-2\"")
			.contains("class=\"field-error\"");
		assertThat(people.findByHrId("PAGE-2")).isEmpty();
	}

	@Test
	void refusesAnEditBasedOnAStaleVersion() throws Exception {
		PersonDetails details = new PersonDetails("PAGE-" + System.nanoTime(), "Stale Edit", "stale@example.com", null,
				null, null, EmploymentType.EMPLOYEE, LocalDate.of(2026, 1, 1), null);
		Person person = people.register(details, "test");
		long staleVersion = person.getVersion();
		people.update(person.getId(), staleVersion, new PersonDetails(details.hrId(), "Changed Meanwhile",
				details.email(), null, null, "Voice", EmploymentType.EMPLOYEE, details.startDate(), null),
				"someone-else");

		String page = mvc
			.perform(post("/people/" + person.getId()).with(LEAD)
				.with(csrf())
				.param("version", String.valueOf(staleVersion))
				.param("hrId", person.getHrId())
				.param("fullName", "Overwritten")
				.param("email", person.getEmail())
				.param("employmentType", "EMPLOYEE")
				.param("startDate", person.getStartDate().toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("changed by someone else").contains("value=\"Overwritten\"");
		assertThat(people.get(person.getId()).getFullName()).isEqualTo("Changed Meanwhile");
	}

	@Test
	void refusesToRevokeWithoutAReason() throws Exception {
		AccessGrant grant = freshGrant("db-reader");

		String page = mvc
			.perform(post("/grants/" + grant.getId() + "/revoke").with(LEAD).with(csrf()).param("reason", "  "))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"revoke-error\"").contains("Give the reason");
		assertThat(access.getGrant(grant.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);
	}

	@Test
	void revokesWithTheReasonAndTheActorInTheAuditTrail() throws Exception {
		AccessGrant grant = freshGrant("db-writer");

		mvc.perform(post("/grants/" + grant.getId() + "/revoke").with(LEAD)
			.with(csrf())
			.param("reason", "no longer on the NOC rota")).andExpect(status().isFound());

		AccessGrant revoked = access.getGrant(grant.getId());
		assertThat(revoked.getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(revoked.getRevokedBy()).isEqualTo("compliance-lead");
		assertThat(revoked.getRevocationReason()).isEqualTo("no longer on the NOC rota");
		assertThat(audit
			.search("compliance-lead", AuditActions.GRANT_REVOKED, null, grant.getId().toString(), null, null,
					PageRequest.of(0, 1))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("no longer on the NOC rota"));
	}

	@Test
	void showsAuditorsNoEditOrRevokeControls() throws Exception {
		AccessGrant grant = freshGrant("viewer");
		String personPage = mvc.perform(get("/people/" + grant.getPersonId()).with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String grantPage = mvc.perform(get("/grants/" + grant.getId()).with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String leadsGrantPage = mvc.perform(get("/grants/" + grant.getId()).with(LEAD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(personPage).doesNotContain("id=\"edit-person\"").doesNotContain("id=\"mark-left\"");
		assertThat(grantPage).doesNotContain("id=\"revoke\"");
		assertThat(leadsGrantPage).contains("id=\"revoke\"");
	}

	@Test
	void answersUnknownAndMalformedIdsWithTheNotFoundPage() throws Exception {
		mvc.perform(get("/people/00000000-0000-4000-8000-000000000000").with(LEAD)).andExpect(status().isNotFound());
		mvc.perform(get("/grants/not-an-id").with(LEAD)).andExpect(status().isBadRequest());
	}

	@Test
	void registersAVendorWithTheContactsEnteredAndIgnoresEmptyRows() throws Exception {
		String owner = people.findByUsername("compliance-lead").orElseThrow().getId().toString();

		mvc.perform(post("/vendors").with(LEAD)
			.with(csrf())
			.param("name", "Form Carrier")
			.param("services", "SIP trunking")
			.param("riskTier", "HIGH")
			.param("ownerId", owner)
			.param("contacts[0].name", "Noc Desk")
			.param("contacts[0].email", "noc@carrier.example")
			.param("contacts[0].phone", "+44 20 7946 0000")
			.param("contacts[1].name", "")
			.param("contacts[1].email", "")
			.param("contacts[1].phone", "")).andExpect(status().isFound());

		assertThat(vendors.findByName("Form Carrier")).get()
			.satisfies(vendor -> assertThat(vendor.getContacts()).singleElement()
				.satisfies(contact -> assertThat(contact.email()).isEqualTo("noc@carrier.example")));
	}

	@Test
	void showsARefusedVendorFormAgainWithTheContactAsTyped() throws Exception {
		String owner = people.findByUsername("compliance-lead").orElseThrow().getId().toString();

		String page = mvc
			.perform(post("/vendors").with(LEAD)
				.with(csrf())
				.param("name", "Typo Carrier")
				.param("services", "SIP trunking")
				.param("riskTier", "LOW")
				.param("ownerId", owner)
				.param("contacts[0].name", "Someone")
				.param("contacts[0].email", "no-at-sign"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("value=\"no-at-sign\"")
			.contains("value=\"Typo Carrier\"")
			.contains("class=\"field-error\"");
		assertThat(vendors.findByName("Typo Carrier")).isEmpty();
	}

	private AccessGrant freshGrant(String entitlement) {
		Person person = people.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), PageRequest.of(0, 1))
			.getContent()
			.get(0);
		var system = access.allSystems()
			.stream()
			.filter(s -> access.activeGrantsOf(person.getId())
				.stream()
				.noneMatch(g -> g.getSystemId().equals(s.getId()) && g.getEntitlement().startsWith(entitlement)))
			.findFirst()
			.orElseThrow();
		return access.issueGrant(
				new NewGrant(person.getId(), system.getId(), entitlement + "-" + System.nanoTime(), false), "test");
	}

}
