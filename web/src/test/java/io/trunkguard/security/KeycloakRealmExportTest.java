package io.trunkguard.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The realm export in keycloak/trunkguard-realm.json, imported into a real Keycloak: each
 * demo user gets a token with exactly their role, the app's audience and their username;
 * the admin service account can use the admin API; wrong passwords are refused.
 */
class KeycloakRealmExportTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final KeycloakServer keycloak = KeycloakServer.get();

	@ParameterizedTest
	@ValueSource(strings = { "reviewer", "compliance-lead", "auditor", "admin" })
	void issuesTokenWithTheUsersRealmRoleAndUsername(String username) throws Exception {
		JsonNode claims = claims(keycloak.passwordGrant(username, username + "-demo-pw"));

		assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuerUri());
		assertThat(claims.get("preferred_username").asText()).isEqualTo(username);
		assertThat(claims.at("/realm_access/roles")).extracting(JsonNode::asText).containsExactly(username);
		assertThat(claims.get("aud").toString()).contains("trunkguard-app");
		assertThat(claims.get("azp").asText()).isEqualTo(KeycloakServer.APP_CLIENT_ID);
	}

	/**
	 * Issue 17: the realm had no accounts for the people the demo routes review items to,
	 * and no demo grant on a Keycloak-connector system was a realm role of a realm user.
	 * Now the demo's reviewers log in, and their demo grants on "Keycloak Identity
	 * Provider" and "Call Recording Platform" are realm roles that a review revocation
	 * can remove.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "margaret.okafor:staff-user", "ingrid.solberg:staff-user,recording-admin",
			"kenji.watanabe:staff-user,supervisor", "laura.mendez:staff-user" })
	void letsTheDemosReviewersInWithTheirKeycloakSystemGrantsAsRealmRoles(String userAndRoles) throws Exception {
		String username = userAndRoles.substring(0, userAndRoles.indexOf(':'));
		String[] grants = userAndRoles.substring(userAndRoles.indexOf(':') + 1).split(",");

		JsonNode claims = claims(keycloak.passwordGrant(username, username + "-demo-pw"));

		assertThat(claims.get("preferred_username").asText()).isEqualTo(username);
		assertThat(claims.at("/realm_access/roles")).extracting(JsonNode::asText).contains("reviewer").contains(grants);
	}

	@Test
	void refusesWrongPassword() {
		assertThatThrownBy(() -> keycloak.passwordGrant("auditor", "not-the-password"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("invalid_grant");
	}

	@Test
	void refusesUnknownUser() {
		assertThatThrownBy(() -> keycloak.passwordGrant("mallory", "mallory-demo-pw"))
			.hasMessageContaining("invalid_grant");
	}

	@Test
	void adminServiceAccountCanFindUsersThroughTheAdminApi() throws Exception {
		String token = keycloak.adminServiceAccountToken();
		assertThat(claims(token).at("/resource_access/realm-management/roles")).extracting(JsonNode::asText)
			.contains("manage-users", "view-users", "query-users");

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create(keycloak.baseUrl() + "/admin/realms/trunkguard/users?username=reviewer&exact=true"))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode users = JSON.readTree(response.body());
		assertThat(users).hasSize(1);
		assertThat(users.get(0).get("username").asText()).isEqualTo("reviewer");
		assertThat(users.get(0).get("enabled").asBoolean()).isTrue();
	}

	@Test
	void appTokenCannotUseTheAdminApi() throws Exception {
		String token = keycloak.passwordGrant("admin", "admin-demo-pw");

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/trunkguard/users"))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	private static JsonNode claims(String jwt) throws Exception {
		String[] parts = jwt.split("\\.");
		assertThat(parts).hasSize(3);
		return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

}
