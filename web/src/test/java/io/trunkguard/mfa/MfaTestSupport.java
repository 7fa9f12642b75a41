package io.trunkguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the MFA tests (embedded default, Keycloak on H2, Keycloak on PostgreSQL) share:
 * Keycloak users with and without a second factor, a person's row of a read, and the
 * names in a CC6.1 evidence pack.
 */
final class MfaTestSupport {

	private MfaTestSupport() {
	}

	/**
	 * Creates an enabled user in {@code realm} and returns its id; {@code otp}: with a
	 * TOTP credential given as its secret and credential data, as a realm export carries
	 * it.
	 */
	static String createUser(RealmResource realm, String username, boolean otp) {
		UserRepresentation user = new UserRepresentation();
		user.setUsername(username);
		user.setEnabled(true);
		user.setEmail(username + "@example.test");
		user.setEmailVerified(true);
		user.setFirstName("Test");
		user.setLastName(username);
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType(CredentialRepresentation.PASSWORD);
		password.setValue(username + "-pw");
		password.setTemporary(false);
		List<CredentialRepresentation> credentials = new ArrayList<>(List.of(password));
		if (otp) {
			CredentialRepresentation totp = new CredentialRepresentation();
			totp.setType("otp");
			totp.setUserLabel("phone");
			totp.setSecretData("{\"value\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}");
			totp.setCredentialData(
					"{\"subType\":\"totp\",\"digits\":6,\"period\":30,\"algorithm\":\"HmacSHA1\",\"counter\":0}");
			credentials.add(totp);
		}
		user.setCredentials(credentials);
		String id;
		try (Response created = realm.users().create(user)) {
			assertThat(created.getStatus()).as("create " + username + " in Keycloak").isEqualTo(201);
			id = CreatedResponseUtil.getCreatedId(created);
		}
		if (otp) {
			assertThat(realm.users().get(id).credentials()).as("the OTP credential is stored with the user")
				.anyMatch(c -> "otp".equals(c.getType()));
		}
		return id;
	}

	/** The row of {@code username} in a read's JSON. */
	static JsonNode row(JsonNode read, String username) {
		for (JsonNode row : read.get("people")) {
			if (row.get("username").asText().equals(username)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + username + " in " + read.get("people"));
	}

	/**
	 * The file names in the CC6.1 evidence pack of {@code day}, as {@code auditor}
	 * downloads it.
	 */
	static List<String> packEntries(MockMvc mvc, String auditor, LocalDate day) throws Exception {
		MvcResult started = mvc
			.perform(get("/api/evidence-packs?criteria=CC6.1&from=" + day + "&to=" + day)
				.with(user(auditor).roles("auditor")))
			.andExpect(request().asyncStarted())
			.andReturn();
		started.getAsyncResult(120_000);
		byte[] zip = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
