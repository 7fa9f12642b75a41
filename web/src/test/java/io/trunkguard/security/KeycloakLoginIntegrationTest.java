package io.trunkguard.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trunkguard.TrunkguardApplication;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;
import io.trunkguard.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login through a real Keycloak (the distribution from Maven Central with the realm
 * export imported): the application in the {@code oidc} profile (on H2) accepts
 * Keycloak's access tokens on its API, maps realm roles to authorities, names the
 * principal by {@code preferred_username}, and refuses tokens that are tampered with,
 * signed by a stranger, issued for another issuer URL or expired. A browser logs in
 * through Keycloak's login page.
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("oidc")
class KeycloakLoginIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final KeycloakServer keycloak = KeycloakServer.get();

	@DynamicPropertySource
	static void keycloakLogin(DynamicPropertyRegistry registry) {
		// Registered before the app reads the realm's JWKS for the first time.
		keycloak.testSigningKey();
		registry.add("TRUNKGUARD_OIDC_ISSUER_URI", keycloak::issuerUri);
		registry.add("TRUNKGUARD_OIDC_CLIENT_ID", () -> KeycloakServer.APP_CLIENT_ID);
		registry.add("TRUNKGUARD_OIDC_CLIENT_SECRET", () -> KeycloakServer.APP_CLIENT_SECRET);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:keycloak-login;DB_CLOSE_DELAY=-1");
	}

	@LocalServerPort
	int port;

	@Autowired
	UnauthenticatedRefusals refusals;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void acceptsKeycloakTokenAndNamesThePrincipalByPreferredUsername() throws Exception {
		HttpResponse<String> response = get("/api/me",
				keycloak.passwordGrant("compliance-lead", "compliance-lead-demo-pw"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = JSON.readTree(response.body());
		assertThat(me.get("username").asText()).isEqualTo("compliance-lead");
	}

	@ParameterizedTest
	@ValueSource(strings = { "reviewer", "compliance-lead", "auditor", "admin" })
	void mapsTheRealmRoleToTheSameTrunkguardRole(String username) throws Exception {
		HttpResponse<String> response = get("/api/me", keycloak.passwordGrant(username, username + "-demo-pw"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = JSON.readTree(response.body());
		assertThat(me.get("username").asText()).isEqualTo(username);
		assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly(username);
	}

	@Test
	void letsTheComplianceLeadReadPeople() throws Exception {
		HttpResponse<String> response = get("/api/people",
				keycloak.passwordGrant("compliance-lead", "compliance-lead-demo-pw"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/**
	 * Automation in the {@code oidc} profile: a confidential client's client-credentials
	 * token works as the embedded default's API token does (roles from the token's realm
	 * roles, the audit trail names the client), and a client without the role is refused.
	 */
	@Test
	void acceptsClientCredentialsTokensForAutomationByTheirRealmRolesAndAuditsTheClient() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String client = "trunkguard-ci-" + run;
		String token = keycloak.serviceAccountToken(client, "compliance-lead");
		io.trunkguard.trace.web.MultipartUpload form = new io.trunkguard.trace.web.MultipartUpload()
			.field("label", "carrier-trunk")
			.file("file", java.nio.file.Path.of("../analyzer/src/test/resources/captures/sip-tls-amr-plain.pcapng"));
		HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(app("/api/captures"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.header("Content-Type", form.contentType())
			.POST(form.body())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
		String captureId = JSON.readTree(uploaded.body()).get("id").asText();
		HttpResponse<String> read = get("/api/captures/" + captureId, token);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(get("/api/people", token).statusCode()).as("a lead's read").isEqualTo(200);

		List<Map<String, Object>> entries = List.of();
		for (long until = System.nanoTime() + 20_000_000_000L; System.nanoTime() < until;) {
			entries = jdbc.queryForList("select action, subject_id from audit_entry where actor = ?",
					"client:" + client);
			if (entries.stream().anyMatch(e -> "CAPTURE_RECEIVED".equals(e.get("action")))) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(entries).extracting(e -> e.get("action")).contains("API_CLIENT_USED", "CAPTURE_RECEIVED");
		assertThat(entries).filteredOn(e -> "API_CLIENT_USED".equals(e.get("action")))
			.extracting(e -> e.get("subject_id"))
			.containsOnly(client);

		String roleless = keycloak.serviceAccountToken("trunkguard-norole-" + run);
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(app("/api/captures"))
			.header("Authorization", "Bearer " + roleless)
			.header("Accept", "application/json")
			.header("Content-Type", form.contentType())
			.POST(new io.trunkguard.trace.web.MultipartUpload().field("label", "carrier-trunk")
				.file("file", java.nio.file.Path.of("../analyzer/src/test/resources/captures/sip-tls-amr-plain.pcapng"))
				.body())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(get("/api/captures/" + captureId, roleless).statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForList("select action from audit_entry where actor = ? or subject_id = ?", String.class,
				"client:trunkguard-norole-" + run, "client:trunkguard-norole-" + run))
			.as("the refusal is audited by client, and not as a use")
			.isNotEmpty()
			.doesNotContain("API_CLIENT_USED");
	}

	@Test
	void refusesTheReviewerWherePeopleRecordsAreRead() throws Exception {
		HttpResponse<String> response = get("/api/people", keycloak.passwordGrant("reviewer", "reviewer-demo-pw"));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void refusesWritesByTheAuditor() throws Exception {
		String token = keycloak.passwordGrant("auditor", "auditor-demo-pw");
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(app("/api/people"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"hrId\":\"HR-AUD-1\",\"name\":\"Eve Example\",\"email\":\"eve@example.com\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void refusesRequestsWithoutToken() throws Exception {
		assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesTokenWhoseClaimsWereChanged() throws Exception {
		String[] parts = keycloak.passwordGrant("reviewer", "reviewer-demo-pw").split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String promoted = payload.replace("\"roles\":[\"reviewer\"]", "\"roles\":[\"admin\"]");
		assertThat(promoted).isNotEqualTo(payload);
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];

		assertThat(get("/api/me", tampered).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesTokenSignedByAKeyTheRealmDoesNotPublish() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(keycloak.testSigningKey().getKeyID()).generate();

		assertThat(get("/api/me", sign(stranger, claims("admin", Instant.now().plusSeconds(300)))).statusCode())
			.isEqualTo(401);
	}

	@Test
	void refusesTokenFromAnotherIssuerUrl() throws Exception {
		// Same Keycloak, same realm key, but asked through "localhost": the token's iss
		// differs from the issuer URI.
		String tokenEndpoint = keycloak.tokenEndpoint().replace("127.0.0.1", "localhost");
		String token = keycloak.passwordGrantAt(tokenEndpoint, "admin", "admin-demo-pw");
		assertThat(claim(token, "iss")).startsWith("http://localhost:");

		assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
	}

	@Test
	void acceptsTokenSignedWithAKeyTheRealmPublishes() throws Exception {
		// The control for the expiry test below: the same kind of token, not expired, is
		// accepted.
		String token = sign(keycloak.testSigningKey(), claims("auditor", Instant.now().plusSeconds(300)));

		HttpResponse<String> response = get("/api/me", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("username").asText()).isEqualTo("auditor");
	}

	@Test
	void refusesExpiredToken() throws Exception {
		String token = sign(keycloak.testSigningKey(), claims("auditor", Instant.now().minus(Duration.ofMinutes(10))));

		assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
	}

	/**
	 * Issue 17: a failed bearer authentication stored the first 200 characters of the
	 * presented token as the entry's actor. Now the actor is anonymous and the token
	 * appears only as a short hash; no part of any presented credential is in the trail,
	 * not in the counted entries either.
	 */
	@Test
	void neverWritesAPresentedTokenToTheAuditTrail() throws Exception {
		String expired = sign(keycloak.testSigningKey(), claims("admin", Instant.now().minus(Duration.ofMinutes(10))));
		String[] real = keycloak.passwordGrant("auditor", "auditor-demo-pw").split("\\.");
		String tampered = real[0] + "." + real[1] + "." + new StringBuilder(real[2]).reverse();
		String garbage = "not-a-jwt-" + UUID.randomUUID();
		for (String token : List.of(expired, tampered, garbage)) {
			assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
		}
		refusals.flushAll();

		List<Map<String, Object>> failures = jdbc
			.queryForList("select actor, subject_id, details from audit_entry where action = 'LOGIN_FAILED'");
		assertThat(failures).isNotEmpty()
			.allSatisfy(entry -> assertThat(entry.get("ACTOR")).isEqualTo("anonymous"))
			.anySatisfy(entry -> assertThat(String.valueOf(entry.get("DETAILS"))).contains("tokenSha256Prefix"));
		List<String> everything = jdbc.queryForList(
				"select concat(actor, ' ', coalesce(subject_id, ''), ' ', coalesce(details, '')) from audit_entry",
				String.class);
		for (String token : List.of(expired, tampered, garbage)) {
			// the header and the claims of a JWT repeat across tokens; its signature and
			// the garbage token are unique
			String secretPart = token.contains(".") ? token.substring(token.lastIndexOf('.') + 1) : token;
			assertThat(everything).noneMatch(entry -> entry.contains(secretPart.substring(0, 16)));
		}
		assertThat(everything).noneMatch(entry -> entry.startsWith("eyJ"));
	}

	@Test
	@ExtendWith(BrowserEvidenceOnFailure.class)
	void logsInThroughKeycloaksLoginPageInTheBrowser() {
		WebDriver browser = logInThroughKeycloak("reviewer");

		assertThat(browser.getCurrentUrl()).startsWith(app("/").toString());
		assertThat(browser.findElement(By.tagName("body")).getAttribute("data-role")).isEqualTo("reviewer");
	}

	@Test
	@ExtendWith(BrowserEvidenceOnFailure.class)
	void loggingOutEndsTheKeycloakSessionToo() {
		WebDriver browser = logInThroughKeycloak("auditor");

		WebElement logout = browser.findElement(By.id("logout"));
		logout.click();

		// The app logs out, Keycloak ends its session and sends the browser back to the
		// app's home page,
		// which (without a Keycloak session) sends it to Keycloak's login form, not back
		// in.
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.stalenessOf(logout));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
		assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuerUri());
		assertThat(browser.findElements(By.id("home-title"))).isEmpty();
	}

	private WebDriver logInThroughKeycloak(String username) {
		keycloak.allowRedirectUri("http://127.0.0.1:" + port + "/*");
		WebDriver browser = Browser.get().freshSession();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		browser.get(app("/").toString());
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
		assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuerUri() + "/protocol/openid-connect/auth");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(username + "-demo-pw");
		browser.findElement(By.id("kc-login")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		return browser;
	}

	private Map<String, Object> claims(String username, Instant expiresAt) {
		return Map.of("iss", keycloak.issuerUri(), "sub", UUID.randomUUID().toString(), "aud",
				KeycloakServer.APP_CLIENT_ID, "azp", KeycloakServer.APP_CLIENT_ID, "typ", "Bearer",
				"preferred_username", username, "realm_access", Map.of("roles", List.of(username)), "iat",
				Date.from(expiresAt.minusSeconds(300)), "exp", Date.from(expiresAt));
	}

	private static String sign(RSAKey key, Map<String, Object> claims) throws Exception {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
				builder.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String claim(String jwt, String name) throws Exception {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get(name).asText();
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(app(path)).header("Accept", "application/json").GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI app(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
