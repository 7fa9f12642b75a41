package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.RefusalCountsOnTwoNodes;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;

/**
 * The whole application on a real PostgreSQL (profile {@code postgres}): Flyway's tables,
 * Camunda's schema, demo data, a local login, and people, systems, grants and the audit
 * trail through the API.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "TRUNKGUARD_DEMO_ENABLED=true", "TRUNKGUARD_PASSWORD_ADMIN=admin-postgres-pw",
				"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class PostgresIntegrationTest {

	private static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	AuditTrail trail;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void runsOnPostgresWithDemoDataCamundaAndLocalLogin() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isGreaterThan(30);
		assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
		mvc.perform(formLogin("/login").user("admin").password("admin-postgres-pw"))
			.andExpect(authenticated().withRoles("admin"));
	}

	@Test
	void recordsPeopleSystemsAndARevokedGrantThroughTheApiInAnIntactAuditTrail() throws Exception {
		String owner = create("/api/people", """
				{"hrId":"PG-1","fullName":"Olga Postgres","email":"olga@example.com","username":"olga",
				 "department":"Voice Engineering","employmentType":"EMPLOYEE","startDate":"2025-03-01"}
				""").get("id").asText();
		String system = create("/api/systems", """
				{"name":"PG Test SBC","kind":"SBC","description":"test","ownerId":"%s","inReviewScope":true,
				 "connector":"MANUAL","reviewerStrategy":"SYSTEM_OWNER"}
				""".formatted(owner)).get("id").asText();
		String grant = create("/api/grants", """
				{"personId":"%s","systemId":"%s","entitlement":"root","privileged":true}
				""".formatted(owner, system)).get("id").asText();

		mvc.perform(post("/api/grants/" + grant + "/revoke").with(LEAD)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"left the SBC team\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"))
			.andExpect(jsonPath("$.revokedBy").value("compliance-lead"));
		mvc.perform(post("/api/grants/" + grant + "/revoke").with(LEAD)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"again\"}")).andExpect(status().isConflict());

		mvc.perform(get("/api/audit/entries").param("subjectId", grant).with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.action == 'GRANT_REVOKED')].actor").value("compliance-lead"));
		mvc.perform(get("/api/audit/verify").with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
	}

	/**
	 * Issue 13: refused requests without credentials counted once across two nodes on
	 * PostgreSQL (row locks, SKIP LOCKED when closing a window).
	 */
	@Test
	void countsRefusalsSentToTwoNodesOnce() throws Exception {
		new RefusalCountsOnTwoNodes(trail, JdbcClient.create(dataSource), transactions)
			.countsRepeatsSentToBothNodesOnce();
	}

	private JsonNode create(String path, String body) throws Exception {
		String response = mvc
			.perform(post(path).with(LEAD).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(response);
	}

}
