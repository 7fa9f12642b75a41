package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.VendorService;

/**
 * Every endpoint of the application (read from Spring MVC's handler mapping, so a new
 * endpoint cannot be forgotten) times every role and anonymous, with the expected outcome
 * asserted; plus the engine REST API, the Camunda webapps and actuator, over real HTTP
 * with real form logins.
 */
@EmbeddedDefaultTest
class AuthorizationMatrixIntegrationTest {

	enum Caller {

		ANONYMOUS, REVIEWER, COMPLIANCE_LEAD, AUDITOR, ADMIN

	}

	private static final Set<Caller> EVERYONE = Set.of(Caller.values());

	private static final Set<Caller> LOGGED_IN = Set.of(Caller.REVIEWER, Caller.COMPLIANCE_LEAD, Caller.AUDITOR,
			Caller.ADMIN);

	private static final Set<Caller> NOT_AUDITOR = Set.of(Caller.REVIEWER, Caller.COMPLIANCE_LEAD, Caller.ADMIN);

	private static final Set<Caller> READERS = Set.of(Caller.COMPLIANCE_LEAD, Caller.AUDITOR, Caller.ADMIN);

	private static final Set<Caller> WRITERS = Set.of(Caller.COMPLIANCE_LEAD, Caller.ADMIN);

	private static final Set<Caller> ADMIN = Set.of(Caller.ADMIN);

	private static final Set<Caller> LEAD = Set.of(Caller.COMPLIANCE_LEAD);

	private static final Set<Caller> NOBODY = Set.of();

	/**
	 * The matrix, by path: who may read (GET), who may write (anything else). First match
	 * wins.
	 */
	private static final List<Rule> RULES = List.of(new Rule("^/(login|error)(/.*)?$", EVERYONE, EVERYONE),
			// a questionnaire link: the token alone decides (see
			// QuestionnaireLinkSecurityIntegrationTest)
			new Rule("^/q/.*$", EVERYONE, EVERYONE),
			// the create and edit forms themselves: refused to those who may not write,
			// not only when sent
			new Rule("^/(people|systems|grants|vendors|changes)/new$", WRITERS, WRITERS),
			new Rule("^/(people|systems|vendors)/[^/]+/edit$", WRITERS, WRITERS),
			new Rule("^/vendors/[^/]+/soc-reports/new$", WRITERS, WRITERS),
			// renaming and removing questionnaire templates: compliance leads only
			new Rule("^/vendors/questionnaire-templates/[^/]+/(rename|remove)$", READERS, LEAD),
			new Rule("^/api/vendors/questionnaire-templates/[^/]+$", READERS, LEAD),
			// SIP change records and the call-path diagrams
			// (vendors/{id}/call-path.svg|png)
			// read like the other records
			new Rule("^/(people|systems|grants|vendors|changes)(/.*)?$", READERS, WRITERS),
			new Rule("^/api/(people|systems|grants|vendors|changes)(/.*)?$", READERS, WRITERS),
			new Rule("^/(api/)?audit(/.*)?$", READERS, NOBODY), new Rule("^/security-events(/.*)?$", READERS, NOBODY),
			new Rule("^/actuator/health(/.*)?$", EVERYONE, EVERYONE), new Rule("^/actuator(/.*)?$", ADMIN, ADMIN),
			new Rule("^/(engine-rest|camunda)(/.*)?$", ADMIN, ADMIN), new Rule("^/admin(/.*)?$", ADMIN, ADMIN),
			new Rule("^/api/deprovisioning(/.*)?$", READERS, NOBODY),
			new Rule("^/deprovisioning/tasks(/.*)?$", LOGGED_IN, NOT_AUDITOR),
			new Rule("^/deprovisioning/roster$", WRITERS, WRITERS),
			new Rule("^/deprovisioning/leavers/[^/]+$", READERS, LEAD),
			// a case: readers, and whoever holds one of its tasks (the page checks; "x"
			// is
			// no case)
			new Rule("^/deprovisioning/[0-9a-f-]{36}$", LOGGED_IN, WRITERS),
			new Rule("^/deprovisioning(/.*)?$", READERS, WRITERS), new Rule("^/reviews/new$", WRITERS, WRITERS),
			new Rule("^/reviews$", LOGGED_IN, WRITERS), new Rule("^/api/reviews/campaigns$", LOGGED_IN, WRITERS),
			new Rule("^/reviews/[^/]+/remind$", LOGGED_IN, WRITERS),
			new Rule("^/reviews/[^/]+/(sign-off|end-early)$", LOGGED_IN, LEAD),
			new Rule("^/reviews/[^/]+/report\\.(pdf|xlsx)$", READERS, NOBODY),
			new Rule("^/reviews/remediations/[^/]+/accept$", LOGGED_IN, LEAD),
			new Rule("^/reviews/remediations/proofs/[^/]+$", READERS, NOBODY),
			new Rule("^/reviews/[^/]+/reassign$", LOGGED_IN, WRITERS),
			new Rule("^/captures/[^/]+/raw$", WRITERS, WRITERS),
			new Rule("^/(api/)?captures/remediations/[^/]+/accept-risk$", READERS, LEAD),
			// MFA: owners close their exception tasks (the domain checks whose), the
			// page, reports and API are the readers'
			new Rule("^/mfa/exceptions(/.*)?$", LOGGED_IN, NOT_AUDITOR),
			new Rule("^/(api/)?mfa(/.*)?$", READERS, WRITERS), new Rule("^/certificates(/.*)?$", READERS, WRITERS),
			new Rule("^/(api/)?captures(/.*)?$", READERS, WRITERS), new Rule("^/admin(/.*)?$", ADMIN, ADMIN),
			new Rule("^/outbox/[^/]+/send-again$", LOGGED_IN, WRITERS), new Rule("^/outbox(/.*)?$", LOGGED_IN, NOBODY),
			new Rule("^/audits/new$", WRITERS, WRITERS), new Rule("^/audits/[^/]+/edit$", WRITERS, WRITERS),
			new Rule("^/audits/[^/]+/evidence/[^/]+/flag$", READERS, Set.of(Caller.AUDITOR)),
			new Rule("^/audits/[^/]+/evidence/[^/]+/answer$", READERS, LEAD),
			new Rule("^/(api/)?audits(/.*)?$", READERS, WRITERS),
			new Rule("^/api/evidence-items/[^/]+/flag$", READERS, Set.of(Caller.AUDITOR)),
			new Rule("^/(api/)?evidence-packs(/.*)?$", READERS, READERS),
			new Rule("^/(api/)?controls(/.*)?$", READERS, LEAD), new Rule("^/api/evidence-items(/.*)?$", READERS, LEAD),
			new Rule(".*", LOGGED_IN, NOT_AUDITOR));

	record Rule(String pathRegex, Set<Caller> readers, Set<Caller> writers) {

		static Set<Caller> allowed(HttpMethod method, String path) {
			Rule rule = RULES.stream().filter(r -> path.matches(r.pathRegex())).findFirst().orElseThrow();
			return method == HttpMethod.GET ? rule.readers() : rule.writers();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	VendorService vendors;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@LocalServerPort
	int port;

	private Map<String, String> ids;

	@BeforeEach
	void demoDataIds() {
		ids = Map.of("people",
				people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId().toString(),
				"systems", access.allSystems().get(0).getId().toString(), "grants",
				access.searchGrants(GrantQuery.all(), PageRequest.of(0, 1)).getContent().get(0).getId().toString(),
				"vendors", vendors.all().get(0).getId().toString());
	}

	@Test
	void everyEndpointAnswersEachRoleAsTheMatrixSays() throws Exception {
		List<String> failures = new ArrayList<>();
		Set<String> endpoints = endpoints();
		assertThat(endpoints).as("the handler mapping lists the application's endpoints")
			.contains("GET /", "GET /people", "POST /grants/{id}/revoke", "POST /api/grants/{id}/revoke",
					"GET /api/audit/verify", "GET /security-events", "GET /v3/api-docs", "PUT /api/people/{id}",
					"GET /audits", "GET /audits/{id}", "POST /audits/{id}/evidence/{itemId}/flag",
					"GET /audits/{id}/populations/{population}.csv", "GET /api/audits/{id}", "PUT /api/audits/{id}");
		for (String endpoint : endpoints) {
			HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
			String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			String path = concrete(pattern);
			for (Caller caller : Caller.values()) {
				boolean allowed = Rule.allowed(method, path).contains(caller);
				MockHttpServletResponse response = perform(method, path, caller);
				String outcome = check(method, path, caller, allowed, response);
				if (outcome != null) {
					failures.add(caller + " " + method + " " + path + ": " + outcome);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void refusesEveryWriteOfTheAuditorAndRecordsIt() throws Exception {
		long before = refusedWritesOf("auditor");

		MockHttpServletResponse api = perform(HttpMethod.POST, "/api/grants/" + ids.get("grants") + "/revoke",
				Caller.AUDITOR);
		MockHttpServletResponse page = perform(HttpMethod.POST, "/people/" + ids.get("people"), Caller.AUDITOR);
		MockHttpServletResponse other = perform(HttpMethod.POST, "/", Caller.AUDITOR);

		assertThat(List.of(api.getStatus(), page.getStatus(), other.getStatus())).containsOnly(403);
		assertThat(api.getContentType()).isEqualTo("application/problem+json");
		assertThat(refusedWritesOf("auditor")).isEqualTo(before + 3);
		assertThat(audit
			.search("auditor", SecurityAudit.WRITE_REFUSED, "Request",
					"POST /api/grants/" + ids.get("grants") + "/revoke", null, null, PageRequest.of(0, 1))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("role not permitted"));
	}

	@Test
	void closesTheEngineRestApiAndTheCamundaWebappsToAllButAdmins() throws Exception {
		jdbc.update("update local_account set password_hash = ? where username = 'reviewer'",
				encoder.encode("reviewer-http-pw"));
		Map<Caller, String> passwords = Map.of(Caller.REVIEWER, "reviewer-http-pw", Caller.COMPLIANCE_LEAD,
				EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD, Caller.AUDITOR, EmbeddedDefaultTest.AUDITOR_PASSWORD,
				Caller.ADMIN, EmbeddedDefaultTest.ADMIN_PASSWORD);
		List<String> paths = List.of("/engine-rest/engine", "/engine-rest/process-definition",
				"/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/",
				"/camunda/api/engine/engine/default/process-definition/count", "/actuator/metrics", "/actuator/info",
				"/actuator/health", "/actuator/health/liveness", "/v3/api-docs");
		List<String> failures = new ArrayList<>();
		for (Caller caller : Caller.values()) {
			HttpClient client = caller == Caller.ANONYMOUS ? browser() : loggedIn(caller, passwords.get(caller));
			for (String path : paths) {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				boolean allowed = Rule.allowed(HttpMethod.GET, path).contains(caller);
				int status = response.statusCode();
				boolean ok = allowed ? status == 200 : caller == Caller.ANONYMOUS
						? status == 401 || (status == 302 && location(response).endsWith("/login")) : status == 403;
				if (!ok) {
					failures.add(caller + " GET " + path + " -> " + status);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void sendsTheAdminFromCamundasWelcomePageStraightToCockpit() throws Exception {
		HttpClient admin = loggedIn(Caller.ADMIN, EmbeddedDefaultTest.ADMIN_PASSWORD);
		for (String path : List.of("/camunda/app/", "/camunda/app/welcome/default/")) {
			HttpResponse<String> response = admin.send(HttpRequest.newBuilder(url(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(location(response)).as(path).endsWith("/camunda/app/cockpit/default/");
		}
		HttpResponse<String> cockpit = admin.send(
				HttpRequest.newBuilder(url("/camunda/app/cockpit/default/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cockpit.statusCode()).isEqualTo(200);
	}

	@Test
	void engineRestWritesNeedTheAdminRoleAndACsrfToken() throws Exception {
		HttpClient admin = loggedIn(Caller.ADMIN, EmbeddedDefaultTest.ADMIN_PASSWORD);
		HttpResponse<String> withoutToken = admin.send(HttpRequest.newBuilder(url("/engine-rest/message"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"messageName\":\"nothing\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : effective) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	private String concrete(String pattern) {
		// ids that are not the area's own (a stored file, a questionnaire) stay unknown
		pattern = pattern.replace("{fileId}", "x")
			.replace("{documentId}", "x")
			.replace("{templateId}", "x")
			.replace("{questionnaireId}", "x")
			.replace("/questionnaires/{id}", "/questionnaires/x");
		Matcher area = Pattern.compile("^/(?:api/)?(people|systems|grants|vendors)/").matcher(pattern);
		String id = area.find() ? ids.get(area.group(1)) : "x";
		return pattern.replaceAll("\\{[^}]+}", id).replace("/**", "/x");
	}

	private MockHttpServletResponse perform(HttpMethod method, String path, Caller caller) throws Exception {
		MockHttpServletRequestBuilder request = request(method, path);
		if (method != HttpMethod.GET) {
			request.with(csrf());
		}
		if (caller != Caller.ANONYMOUS) {
			String role = caller.name().toLowerCase().replace('_', '-');
			request.with(user(role).roles(role));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/**
	 * HR and SCIM endpoints are for machines: only their signature or bearer token lets a
	 * request in.
	 */
	private static final String MACHINE_ENDPOINTS = "^/(hr|scim)/.*$";

	private static String check(HttpMethod method, String path, Caller caller, boolean allowed,
			MockHttpServletResponse response) {
		int status = response.getStatus();
		if (path.matches(MACHINE_ENDPOINTS)) {
			return status == 401 ? null
					: "expected 401 without the machine credential, whatever the session, got " + status;
		}
		String location = response.getRedirectedUrl();
		boolean toLogin = status == 302 && location != null && location.endsWith("/login");
		if (!allowed) {
			if (caller == Caller.ANONYMOUS) {
				boolean expected = path.startsWith("/api/") ? status == 401 : toLogin;
				return expected ? null : "expected a login challenge, got " + status + " " + location;
			}
			return status == 403 ? null : "expected 403, got " + status;
		}
		if (status == 401 || status == 403 || toLogin) {
			return "expected to be let in, got " + status;
		}
		if (method == HttpMethod.GET && status >= 400 && !path.startsWith("/error") && !path.contains("/x")) {
			return "let in, but the page failed with " + status;
		}
		return null;
	}

	private long refusedWritesOf(String actor) {
		return audit.search(actor, SecurityAudit.WRITE_REFUSED, null, null, null, null, PageRequest.of(0, 1))
			.getTotalElements();
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private HttpClient loggedIn(Caller caller, String password) throws Exception {
		HttpClient client = browser();
		String loginPage = client
			.send(HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();
		String username = caller.name().toLowerCase().replace('_', '-');
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(location(login)).as("login of " + username).endsWith("/");
		return client;
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
