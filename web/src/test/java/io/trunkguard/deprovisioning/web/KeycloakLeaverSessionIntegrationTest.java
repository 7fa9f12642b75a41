package io.trunkguard.deprovisioning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;
import io.trunkguard.testsupport.KeycloakServer;

/**
 * Issue 17's leaver against the real Keycloak, in the {@code oidc} profile: a person
 * logged in through Keycloak in Chromium, with a bearer token obtained before, loses both
 * on their next request once they have left. Each way access ends is shown on its own:
 * the signed HR webhook (the whole path: case, Keycloak account disabled and logged out,
 * back-channel logout, the app's own check), Keycloak ending the session alone
 * (back-channel logout, the app knows nothing of a departure), and the app alone knowing
 * the person left (Keycloak still holds an enabled account and an open session).
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("oidc")
@ExtendWith(BrowserEvidenceOnFailure.class)
class KeycloakLeaverSessionIntegrationTest {

	private static final String WEBHOOK_SECRET = "leaver-session-webhook-secret";

	private static final KeycloakServer keycloak = KeycloakServer.get();

	private static Keycloak admin;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("TRUNKGUARD_OIDC_ISSUER_URI", keycloak::issuerUri);
		registry.add("TRUNKGUARD_OIDC_CLIENT_ID", () -> KeycloakServer.APP_CLIENT_ID);
		registry.add("TRUNKGUARD_OIDC_CLIENT_SECRET", () -> KeycloakServer.APP_CLIENT_SECRET);
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:keycloak-leaver-session;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		registry.add("trunkguard.demo.enabled", () -> "false");
		registry.add("trunkguard.hr.webhook.secret", () -> WEBHOOK_SECRET);
		registry.add("trunkguard.keycloak.url", keycloak::baseUrl);
		registry.add("trunkguard.keycloak.realm", () -> KeycloakServer.REALM);
		registry.add("trunkguard.keycloak.client.id", () -> KeycloakServer.ADMIN_CLIENT_ID);
		registry.add("trunkguard.keycloak.client.secret", () -> KeycloakServer.ADMIN_CLIENT_SECRET);
	}

	@BeforeAll
	static void adminClient() {
		admin = KeycloakBuilder.builder()
			.serverUrl(keycloak.baseUrl())
			.realm(KeycloakServer.REALM)
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(KeycloakServer.ADMIN_CLIENT_ID)
			.clientSecret(KeycloakServer.ADMIN_CLIENT_SECRET)
			.build();
	}

	@AfterAll
	static void closeAdminClient() {
		if (admin != null) {
			admin.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void afterTheSignedTerminationTheLeaversBrowserSessionAndOldBearerTokenAreRefused() throws Exception {
		String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
		String password = createKeycloakUser(username);
		Person person = registerPerson(username);
		WebDriver browser = logInThroughKeycloak(username, password);
		String bearer = keycloak.passwordGrant(username, password);
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(200);

		String timestamp = Long.toString(Instant.now().getEpochSecond());
		byte[] body = """
				{"eventId": "evt-%s", "hrId": "HR-%s", "effectiveAt": "%s", "type": "termination"}
				""".formatted(username, username, Instant.now().truncatedTo(ChronoUnit.SECONDS))
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(app("/hr/events/termination"))
			.header("Content-Type", "application/json")
			.header("X-Trunkguard-Timestamp", timestamp)
			.header("X-Trunkguard-Signature", sign(timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		awaitCaseCompleted(person, Duration.ofSeconds(120));
		assertThat(user(username).toRepresentation().isEnabled()).isFalse();

		// the next request of the open browser session: refused, the page says why
		browser.get(app("/").toString());
		assertThat(browser.findElements(By.id("home-title"))).isEmpty();
		assertThat(browser.findElement(By.id("access-ended-title")).getText()).isEqualTo("Your access has ended");
		// the token issued before the termination, not yet expired: refused
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(401);
		assertThat(refusalsOf(username)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aSessionEndedAtKeycloakEndsInTheAppThroughTheBackChannel() throws Exception {
		// No person in Trunkguard for this login: only Keycloak knows, and tells the app.
		String username = "ended-" + UUID.randomUUID().toString().substring(0, 8);
		String password = createKeycloakUser(username);
		WebDriver browser = logInThroughKeycloak(username, password);
		String bearer = keycloak.passwordGrant(username, password);
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(200);
		int endedBefore = endedSessions();

		user(username).logout();
		awaitEndedSessions(endedBefore + 2, Duration.ofSeconds(20));

		browser.get(app("/").toString());
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
		assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuerUri());
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(401);
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'IDENTITY_PROVIDER_LOGOUT' and details like ?",
				Integer.class, "%" + user(username).toRepresentation().getId() + "%"))
			.isEqualTo(2);
	}

	@Test
	void aPersonWhoLeftIsRefusedWhileKeycloakStillLetsThemIn() throws Exception {
		// Keycloak keeps the account enabled and the session open (nobody told it): the
		// app refuses anyway.
		String username = "left-" + UUID.randomUUID().toString().substring(0, 8);
		String password = createKeycloakUser(username);
		Person person = registerPerson(username);
		WebDriver browser = logInThroughKeycloak(username, password);
		String bearer = keycloak.passwordGrant(username, password);
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(200);

		people.markLeft(person.getId(), LocalDate.now(), "tester");

		browser.get(app("/").toString());
		assertThat(browser.findElement(By.id("access-ended-title")).getText()).isEqualTo("Your access has ended");
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(401);
		assertThat(user(username).toRepresentation().isEnabled()).isTrue();
		assertThat(user(username).getUserSessions()).isNotEmpty();
	}

	/**
	 * The back-channel endpoint is open to anyone (Keycloak calls it without a session);
	 * only a logout token signed by the realm counts. A forged one (signed by a stranger,
	 * or no JWT at all) is refused with 400 and ends nothing.
	 */
	@Test
	void refusesAForgedLogoutTokenAndEndsNothing() throws Exception {
		int endedBefore = endedSessions();
		com.nimbusds.jose.jwk.RSAKey stranger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("stranger")
			.generate();
		com.nimbusds.jwt.SignedJWT forged = new com.nimbusds.jwt.SignedJWT(
				new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("stranger").build(),
				new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(keycloak.issuerUri())
					.audience(KeycloakServer.APP_CLIENT_ID)
					.subject(UUID.randomUUID().toString())
					.claim("sid", "forged-session")
					.claim("events",
							java.util.Map.of("http://schemas.openid.net/event/backchannel-logout", java.util.Map.of()))
					.issueTime(new java.util.Date())
					.jwtID(UUID.randomUUID().toString())
					.build());
		forged.sign(new com.nimbusds.jose.crypto.RSASSASigner(stranger));

		for (String token : List.of(forged.serialize(), "not-a-jwt")) {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(app("/logout/connect/back-channel/keycloak"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("logout_token=" + token))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		}
		assertThat(endedSessions()).isEqualTo(endedBefore);
	}

	@Test
	void aColleagueWhoStaysKeepsTheirSession() throws Exception {
		String username = "stays-" + UUID.randomUUID().toString().substring(0, 8);
		String password = createKeycloakUser(username);
		registerPerson(username);
		WebDriver browser = logInThroughKeycloak(username, password);
		String bearer = keycloak.passwordGrant(username, password);

		browser.get(app("/").toString());
		assertThat(browser.findElement(By.id("home-title")).isDisplayed()).isTrue();
		assertThat(get("/api/me", bearer).statusCode()).isEqualTo(200);
	}

	private WebDriver logInThroughKeycloak(String username, String password) {
		keycloak.allowRedirectUri("http://127.0.0.1:" + port + "/*");
		keycloak.useBackChannelLogoutUrl("http://127.0.0.1:" + port + "/logout/connect/back-channel/keycloak");
		WebDriver browser = Browser.get().freshSession();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get(app("/").toString());
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("kc-login")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		return browser;
	}

	private static String createKeycloakUser(String username) {
		String password = "pw-" + UUID.randomUUID();
		UserRepresentation user = new UserRepresentation();
		user.setUsername(username);
		user.setEnabled(true);
		user.setEmail(username + "@example.test");
		user.setEmailVerified(true);
		user.setFirstName("Lee");
		user.setLastName("Leaver");
		CredentialRepresentation credential = new CredentialRepresentation();
		credential.setType(CredentialRepresentation.PASSWORD);
		credential.setValue(password);
		credential.setTemporary(false);
		user.setCredentials(List.of(credential));
		try (Response created = realm().users().create(user)) {
			assertThat(created.getStatus()).isEqualTo(201);
		}
		RoleRepresentation reviewer = user(username).roles()
			.realmLevel()
			.listAvailable()
			.stream()
			.filter(r -> r.getName().equals("reviewer"))
			.findFirst()
			.orElseThrow();
		user(username).roles().realmLevel().add(List.of(reviewer));
		return password;
	}

	private Person registerPerson(String username) {
		return people.register(new PersonDetails("HR-" + username, "Lee Leaver", username + "@example.test", username,
				null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 5, 1), null), "tester");
	}

	private static RealmResource realm() {
		return admin.realm(KeycloakServer.REALM);
	}

	private static UserResource user(String username) {
		return realm().users().get(realm().users().searchByUsername(username, true).get(0).getId());
	}

	private void awaitCaseCompleted(Person person, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!deprovisioning.casesOf(person.getId()).isEmpty()
					&& deprovisioning.openCaseOf(person.getId()).isEmpty()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(
				"the deprovisioning case of " + person.getUsername() + " did not complete in " + timeout);
	}

	private void awaitEndedSessions(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (endedSessions() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Keycloak's back-channel logout did not arrive: " + endedSessions()
						+ " ended sessions recorded, expected " + count);
			}
			Thread.sleep(100);
		}
	}

	private int endedSessions() {
		return jdbc.queryForObject("select count(*) from ended_login_session", Integer.class);
	}

	private int refusalsOf(String username) {
		return jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'ENDED_LOGIN_REFUSED' and subject_id = ?",
				Integer.class, username);
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		return http.send(HttpRequest.newBuilder(app(path))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + bearer)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sign(String timestamp, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
	}

	private URI app(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
