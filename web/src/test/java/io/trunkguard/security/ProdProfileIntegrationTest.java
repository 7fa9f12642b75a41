package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.testsupport.KeycloakServer;

/**
 * The {@code prod} profile as it runs behind a TLS-terminating proxy (issue 13), with the
 * real Keycloak; only the database is an in-memory H2 instead of PostgreSQL, given
 * through the profile's own variables. Requests the proxy forwards with
 * {@code X-Forwarded-Proto: https} are secure: HSTS is sent, the session cookie is
 * {@code Secure}, redirects name the proxy's https address. The OpenAPI document and
 * Swagger UI are off (issue 17) even for an admin.
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProdProfileIntegrationTest {

	private static final KeycloakServer keycloak = KeycloakServer.get();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("TRUNKGUARD_DB_URL", () -> "jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1");
		registry.add("TRUNKGUARD_DB_USER", () -> "sa");
		registry.add("TRUNKGUARD_DB_PASSWORD", () -> "");
		registry.add("TRUNKGUARD_OIDC_ISSUER_URI", keycloak::issuerUri);
		registry.add("TRUNKGUARD_OIDC_CLIENT_SECRET", () -> KeycloakServer.APP_CLIENT_SECRET);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void treatsRequestsTheProxyReceivedOverHttpsAsSecure() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(app("/"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "trunkguard.example")
			.header("X-Forwarded-For", "203.0.113.9")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.isEqualTo("https://trunkguard.example/oauth2/authorization/keycloak");
		assertThat(response.headers().firstValue("Strict-Transport-Security").orElseThrow())
			.isEqualTo("max-age=31536000 ; includeSubDomains");
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy(
				cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly"));
	}

	@Test
	void sendsNoHstsOnAPlainRequestThatDidNotComeThroughTheProxy() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(app("/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void servesNoOpenApiDocumentOrSwaggerUiInProduction() throws Exception {
		String admin = keycloak.passwordGrant("admin", "admin-demo-pw");
		for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(app(path)).header("Authorization", "Bearer " + admin).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
		}
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(app("/v3/api-docs")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isIn(302, 401);
	}

	private URI app(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
