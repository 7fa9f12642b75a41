package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.trunkguard.testsupport.RemoteAddresses;
import io.trunkguard.access.AccessService;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.VendorService;

/**
 * The embedded default starts with everything a newcomer needs: H2 with Flyway's tables,
 * the Camunda engine beside them, the demo data, and local accounts whose form login
 * leads to each role's home page.
 */
@EmbeddedDefaultTest
class EmbeddedDefaultIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	VendorService vendors;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditEntries audit;

	@Autowired
	Flyway flyway;

	@Value("${server.address}")
	String serverAddress;

	@Test
	void startsWithDemoDataFlywayTablesAndTheCamundaEngine() {
		// the demo's people (HR-1000..HR-1999); other tests of the shared context
		// register more people of their own
		assertThat(jdbc.queryForObject("select count(*) from person where hr_id like 'HR-1___'", Long.class))
			.isBetween(35L, 60L);
		assertThat(people.search(PersonSearch.all(), PageRequest.of(0, 1)).getTotalElements())
			.isGreaterThanOrEqualTo(35L);
		assertThat(access.allSystems()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(vendors.all()).hasSize(3);
		assertThat(people.findByUsername("reviewer")).isPresent();
		assertThat(Arrays.stream(flyway.info().applied()).map(migration -> migration.getVersion().getVersion()))
			.as("migrations of domain and web")
			.contains("1", "100");
		assertThat(engine.getName()).isEqualTo("default");
		assertThat(jdbc.queryForObject("select count(*) from ACT_GE_PROPERTY", Integer.class)).isPositive();
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void loadsTheDemoDataBeforeTheWebServerAcceptsRequests() {
		// A load after the server opened its port held the audit chain's head for the
		// whole load, so
		// a login on a first start waited on that lock and failed with a 500.
		var demo = context.getBean(io.trunkguard.demo.DemoDataLoader.class);
		var server = context.getBean("webServerStartStop", org.springframework.context.SmartLifecycle.class);
		assertThat(demo.isLoaded()).isTrue();
		assertThat(demo.getPhase()).as("demo data starts in an earlier lifecycle phase than the web server")
			.isLessThan(server.getPhase());
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(serverAddress).isEqualTo("127.0.0.1");
	}

	@ParameterizedTest
	@CsvSource({ "admin, " + EmbeddedDefaultTest.ADMIN_PASSWORD, "auditor, " + EmbeddedDefaultTest.AUDITOR_PASSWORD,
			"compliance-lead, " + EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD })
	void formLoginWithThePasswordFromTheEnvironmentReachesTheRolesHomePage(String username, String password)
			throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(authenticated().withUsername(username).withRoles(username))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

		String home = mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(home).contains("data-role=\"" + username + "\"").contains("<h1 id=\"home-title\">");
		assertThat(home).contains(people.findByUsername(username).orElseThrow().getFullName());
	}

	@Test
	void refusesAWrongPasswordAndRecordsTheFailedLoginAsAnonymousWithTheTypedNameAndWhyInWords() throws Exception {
		long failedBefore = failedLogins("anonymous");
		long byTheTypedNameBefore = failedLogins("admin");

		mvc.perform(post("/login").param("username", "admin")
			.param("password", "not-the-password")
			.with(csrf())
			.with(RemoteAddresses.fromAFreshAddress()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));

		assertThat(failedLogins("anonymous")).isEqualTo(failedBefore + 1);
		assertThat(failedLogins("admin")).as("nobody writes entries in the name they type")
			.isEqualTo(byTheTypedNameBefore);
		assertThat(audit.search("anonymous", "LOGIN_FAILED", null, null, null, null, PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.getDetails()).contains("\"typedName\":\"admin\"")
			.contains("\"reason\":\"wrong user name or password\"")
			.contains("\"method\":\"password form\"")
			.doesNotContain("Exception")
			.doesNotContain("not-the-password");
	}

	@Test
	void recordsSuccessfulLoginsInTheAuditTrailWithThePasswordFormInWords() throws Exception {
		long before = audit.search("auditor", "LOGIN_SUCCEEDED", null, null, null, null, PageRequest.of(0, 1))
			.getTotalElements();

		mvc.perform(formLogin("/login").user("auditor").password(EmbeddedDefaultTest.AUDITOR_PASSWORD))
			.andExpect(authenticated());

		Page<AuditEntry> after = audit.search("auditor", "LOGIN_SUCCEEDED", null, null, null, null,
				PageRequest.of(0, 1));
		assertThat(after.getTotalElements()).isEqualTo(before + 1);
		assertThat(after.getContent().get(0).getDetails()).contains("\"method\":\"password form\"")
			.doesNotContain("AuthenticationToken");
	}

	@Test
	void servesTheLoginPageWithTheFieldsBrowserTestsUse() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("id=\"username\""),
						org.hamcrest.Matchers.containsString("id=\"password\""),
						org.hamcrest.Matchers.containsString("id=\"login-submit\""),
						org.hamcrest.Matchers.containsString("name=\"_csrf\""))));
	}

	@Test
	void sendsAnonymousBrowsersToTheLoginPage() throws Exception {
		mvc.perform(get("/people")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
	}

	private long failedLogins(String actor) {
		return audit.search(actor, "LOGIN_FAILED", null, null, null, null, PageRequest.of(0, 1)).getTotalElements();
	}

}
