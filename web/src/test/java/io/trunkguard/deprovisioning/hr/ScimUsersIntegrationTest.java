package io.trunkguard.deprovisioning.hr;

import io.trunkguard.testsupport.RemoteAddresses;
import io.trunkguard.TrunkguardApplication;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCIM 2.0 Users in the whole application on H2: GET a user, PATCH active=false opens one
 * case (twice: still one), schema errors are SCIM error documents, and a missing or wrong
 * token is refused and audited.
 */
@SpringBootTest(classes = TrunkguardApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:trunkguard-scim;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"trunkguard.demo.enabled=false", "trunkguard.scim.token=" + ScimUsersIntegrationTest.TOKEN,
				"camunda.bpm.job-execution.enabled=false" })
@AutoConfigureMockMvc
class ScimUsersIntegrationTest {

	static final String TOKEN = "scim-test-token-abcdef";
	static final String DEACTIVATE = """
			{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
			 "Operations": [{"op": "replace", "path": "active", "value": false}]}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	AuditEntries audit;

	Person person;

	@BeforeEach
	void setUp() {
		String hr = "HR-" + UUID.randomUUID().toString().substring(0, 8);
		person = people.register(new PersonDetails(hr, "Sam Scim", hr.toLowerCase() + "@example.test", hr.toLowerCase(),
				null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 2), null), "tester");
	}

	ResultActions patchUser(String body) throws Exception {
		return mvc.perform(patch("/scim/v2/Users/" + person.getId()).header("Authorization", "Bearer " + TOKEN)
			.contentType("application/scim+json")
			.content(body));
	}

	void assertScimError(ResultActions result, int status, String scimType) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(header().string("Content-Type", "application/scim+json"))
			.andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error"))
			.andExpect(jsonPath("$.status").value(Integer.toString(status)));
		if (scimType != null) {
			result.andExpect(jsonPath("$.scimType").value(scimType));
		}
		assertThat(deprovisioning.openCaseOf(person.getId())).isEmpty();
	}

	@Test
	void getsAUserWithItsHrIdAsExternalId() throws Exception {
		mvc.perform(get("/scim/v2/Users/" + person.getId()).header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/scim+json"))
			.andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:schemas:core:2.0:User"))
			.andExpect(jsonPath("$.id").value(person.getId().toString()))
			.andExpect(jsonPath("$.externalId").value(person.getHrId()))
			.andExpect(jsonPath("$.userName").value(person.getUsername()))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.meta.resourceType").value("User"));
	}

	@Test
	void deactivatingAUserOpensOneDeprovisioningCase() throws Exception {
		patchUser(DEACTIVATE).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		// Azure AD style: no path, the value an object, the boolean as a string; the same
		// person: the same case
		patchUser("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Replace", "value": {"active": "False"}}]}
				""").andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));

		// written by the intake worker after the answer
		SignedWebhooks.awaitIntake(jdbc);
		DeprovisioningCase c = deprovisioning.openCaseOf(person.getId()).orElseThrow();
		assertThat(c.getSource()).isEqualTo(TerminationSource.SCIM);
		assertThat(c.getReceipts()).hasSize(2);
		assertThat(c.getReceipts().get(1).isDuplicate()).isTrue();
	}

	@Test
	void answersSchemaErrorsWithScimErrors() throws Exception {
		assertScimError(patchUser("{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]}"),
				400, "invalidSyntax");
		assertScimError(
				patchUser("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": ["), 400,
				"invalidSyntax");
		assertScimError(patchUser("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "displayName", "value": "X"}]}"""), 400, "invalidPath");
		assertScimError(patchUser("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "active", "value": "soon"}]}"""), 400, "invalidValue");
		assertScimError(patchUser("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "active", "value": true}]}"""), 400, "invalidValue");
		assertScimError(patchUser("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "remove", "path": "active"}]}"""), 400, "mutability");
	}

	@Test
	void answersAnUnknownUserWith404() throws Exception {
		assertScimError(
				mvc.perform(get("/scim/v2/Users/" + UUID.randomUUID()).header("Authorization", "Bearer " + TOKEN)), 404,
				null);
		assertScimError(mvc.perform(get("/scim/v2/Users/not-a-uuid").header("Authorization", "Bearer " + TOKEN)), 404,
				null);
	}

	@Test
	void refusesAMissingOrWrongTokenAndAuditsIt() throws Exception {
		long before = audit.search("anonymous", "SCIM_REFUSED", null, null, null, null, Pageable.ofSize(1))
			.getTotalElements();

		assertScimError(mvc.perform(patch("/scim/v2/Users/" + person.getId()).contentType("application/scim+json")
			.content(DEACTIVATE)
			.with(RemoteAddresses.fromAFreshAddress())), 401, null);
		assertScimError(mvc.perform(patch("/scim/v2/Users/" + person.getId()).header("Authorization", "Bearer wrong")
			.contentType("application/scim+json")
			.content(DEACTIVATE)
			.with(RemoteAddresses.fromAFreshAddress())), 401, null);
		mvc.perform(get("/scim/v2/Users/" + person.getId()).header("Authorization", "Bearer " + TOKEN + "x")
			.with(RemoteAddresses.fromAFreshAddress()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));

		assertThat(audit.search("anonymous", "SCIM_REFUSED", null, null, null, null, Pageable.ofSize(1))
			.getTotalElements()).isEqualTo(before + 3);
	}

}
