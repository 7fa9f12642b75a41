package io.trunkguard.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.testsupport.KeycloakAdminApplicationTest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The MFA read against the real Keycloak of the test run: two privileged people on a
 * system, one with an OTP credential (imported with its secret and credential data) and
 * one without. In the realm as exported (the browser flow asks for OTP only from who has
 * set one up) both are exceptions for the system's owner; with the "Configure OTP"
 * required action set on the one without, they must set one up at their next login; the
 * other's grant revoked, the next read closes their exception. The owner closes the
 * remaining task with a note; the person it is about may not.
 */
class KeycloakMfaIntegrationTest extends KeycloakAdminApplicationTest {

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final String WITH_OTP = "mfa-otp-" + RUN;

	static final String WITHOUT = "mfa-none-" + RUN;

	static final String OWNER = "mfa-owner-" + RUN;

	static final String ROLE = "mfa-privileged-" + RUN;

	static final String FLOW = "browser-mfa-" + RUN;

	static final String LEAD = "lead-" + RUN;

	static Keycloak master;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	EvidenceService evidence;

	@Autowired
	AuditEntries audit;

	@BeforeAll
	static void createKeycloakUsers() {
		master = keycloak.masterAdminClient();
		RoleRepresentation role = new RoleRepresentation();
		role.setName(ROLE);
		realm().roles().create(role);
		createUser(WITH_OTP, true);
		createUser(WITHOUT, false);
		createUser(OWNER, false);
	}

	@AfterAll
	static void putTheBrowserFlowBack() {
		if (master != null) {
			RealmRepresentation representation = realm().toRepresentation();
			if (!"browser".equals(representation.getBrowserFlow())) {
				representation.setBrowserFlow("browser");
				realm().update(representation);
			}
			master.close();
		}
	}

	@Test
	void reportsEachPrivilegedPersonsSecondFactorAndFollowsTheExceptionsUpWithTheOwner() throws Exception {
		String system = "Recording admin " + RUN;
		Person owner = person(OWNER, "Olga Owner");
		Person withOtp = person(WITH_OTP, "Otto Otp");
		Person without = person(WITHOUT, "Nina None");
		AccessSystem recording = access.registerSystem(new SystemDetails(system, SystemKind.CALL_RECORDING, null,
				owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "test");
		io.trunkguard.access.AccessGrant otpGrant = access
			.issueGrant(new NewGrant(withOtp.getId(), recording.getId(), "recording-admin", true), "test");
		access.issueGrant(new NewGrant(without.getId(), recording.getId(), "recording-admin", true), "test");
		access.issueGrant(new NewGrant(owner.getId(), recording.getId(), "listener", false), "test");

		// 1. the realm as exported: OTP only for who has set it up, so nobody is required
		JsonNode first = readNow();

		assertThat(first.get("identityProvider").asBoolean()).isTrue();
		assertThat(text(first.get("realm"))).anyMatch(s -> s.contains("only from users who have set one up"))
			.anyMatch(s -> s.contains("does not require anyone to have a second factor"));
		JsonNode otpRow = row(first, WITH_OTP);
		assertThat(otpRow.get("status").asText()).isEqualTo("CONFIGURED_NOT_REQUIRED");
		assertThat(otpRow.get("statusLabel").asText()).isEqualTo("Configured but not required");
		assertThat(otpRow.get("factors").asText()).isEqualTo("a one-time password (OTP)");
		assertThat(otpRow.get("roles").asText()).isEqualTo("recording-admin on " + system);
		assertThat(otpRow.get("exception").asBoolean()).isTrue();
		JsonNode noneRow = row(first, WITHOUT);
		assertThat(noneRow.get("status").asText()).isEqualTo("MISSING");
		assertThat(noneRow.get("finding").asText()).isEqualTo("Nina None (" + WITHOUT
				+ ") has no second factor and the login does not require one: a password alone opens their privileged access.");
		assertThat(row(first, "admin").get("roles").asText()).contains("Trunkguard admin on Trunkguard");
		assertThat(row(first, "auditor").get("roles").asText()).contains("Trunkguard auditor on Trunkguard");
		assertThat(first.get("people").findValuesAsText("username")).doesNotContain(OWNER);
		MfaException noneTask = openTask(WITHOUT);
		MfaException otpTask = openTask(WITH_OTP);
		assertThat(noneTask.getTitle())
			.isEqualTo("Second factor of Nina None (" + WITHOUT + ") on " + system + " (recording-admin)");
		assertThat(noneTask.getOwnerNamed()).isEqualTo("Olga Owner (" + OWNER + ")");
		assertThat(audit
			.search(null, "MFA_EXCEPTION_OPENED", "MfaException", noneTask.getId().toString(), null, null,
					PageRequest.of(0, 5))
			.getTotalElements()).isEqualTo(1);
		List<EvidenceItem> stored = evidence.about("MfaRead", first.get("id").asText());
		assertThat(stored).hasSize(2).allSatisfy(item -> {
			assertThat(item.getControls()).containsExactly("CC6.1");
			assertThat(item.getEvidencedFrom()).isEqualTo(LocalDate
				.ofInstant(java.time.Instant.parse(first.get("readAt").asText()), java.time.ZoneOffset.UTC));
		});
		String page = mvc.perform(get("/mfa").with(user("auditor-" + RUN).roles("auditor")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Configured but not required", "Nina None (" + WITHOUT + ")")
			.doesNotContain("CONFIGURED_NOT_REQUIRED");

		// 2. WITHOUT must set up OTP at the next login (a required action on the user);
		// WITH_OTP's privileged grant is revoked, so the next read closes their exception
		UserRepresentation pending = realm().users().get(userId(WITHOUT)).toRepresentation();
		pending.setRequiredActions(List.of("CONFIGURE_TOTP"));
		realm().users().get(userId(WITHOUT)).update(pending);
		access.revokeGrant(otpGrant.getId(), "no longer administers recordings", "test");

		JsonNode second = readNow();

		assertThat(row(second, WITHOUT).get("status").asText()).isEqualTo("REQUIRED_NOT_CONFIGURED");
		assertThat(row(second, WITHOUT).get("finding").asText()).endsWith("they must set one up at their next login.");
		assertThat(second.get("people").findValuesAsText("username")).doesNotContain(WITH_OTP);
		MfaException closedByRead = taskById(otpTask.getId());
		assertThat(closedByRead.isOpen()).isFalse();
		assertThat(closedByRead.getClosedBy()).isEqualTo(MfaException.READ_ACTOR);
		assertThat(closedByRead.getCloseNote()).endsWith("no longer holds a privileged role.");
		assertThat(openTask(WITHOUT).getId()).as("the same task stays open").isEqualTo(noneTask.getId());

		// 3. the person it is about may not close it; the owner closes it with a note
		String closeUrl = "/mfa/exceptions/" + noneTask.getId() + "/close";
		String ownPage = mvc
			.perform(post(closeUrl).param("note", "done").with(csrf()).with(user(WITHOUT).roles("compliance-lead")))
			.andReturn()
			.getFlashMap()
			.get("error")
			.toString();
		assertThat(ownPage).contains("your own account");
		String ownerList = mvc.perform(get("/mfa/exceptions").with(user(OWNER).roles("reviewer")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ownerList).contains("Second factor of Nina None (" + WITHOUT + ") on " + system);
		mvc.perform(post(closeUrl).param("note", "").with(csrf()).with(user(OWNER).roles("reviewer")));
		assertThat(taskById(noneTask.getId()).isOpen()).as("no note, nothing closed").isTrue();
		mvc.perform(post(closeUrl).param("note", "Nina sets up OTP on Monday; the grant is suspended until then.")
			.with(csrf())
			.with(user(OWNER).roles("reviewer")));
		MfaException closed = taskById(noneTask.getId());
		assertThat(closed.isOpen()).isFalse();
		assertThat(closed.getClosedBy()).isEqualTo(OWNER);
		assertThat(closed.getCloseNote()).startsWith("Nina sets up OTP");
	}

	private JsonNode readNow() throws Exception {
		String body = mvc.perform(post("/api/mfa/reads").with(csrf()).with(user(LEAD).roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body);
	}

	@Autowired
	MfaService mfa;

	private MfaException openTask(String username) {
		return mfa.openExceptions()
			.stream()
			.filter(e -> e.getUsername().equals(username))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open exception about " + username));
	}

	private MfaException taskById(UUID id) {
		return mfa.exception(id);
	}

	private static JsonNode row(JsonNode read, String username) {
		for (JsonNode row : read.get("people")) {
			if (row.get("username").asText().equals(username)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + username + " in " + read.get("people"));
	}

	private static List<String> text(JsonNode array) {
		List<String> texts = new java.util.ArrayList<>();
		array.forEach(n -> texts.add(n.asText()));
		return texts;
	}

	private Person person(String username, String name) {
		return people.register(new PersonDetails("HR-" + username, name, username + "@example.test", username, null,
				"Voice", EmploymentType.EMPLOYEE, LocalDate.of(2024, 1, 1), null), "test");
	}

	/**
	 * Creates an enabled user; {@code otp}: with a TOTP credential given as its secret
	 * and credential data, as a realm export carries it.
	 */
	private static void createUser(String username, boolean otp) {
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
		if (otp) {
			CredentialRepresentation totp = new CredentialRepresentation();
			totp.setType("otp");
			totp.setUserLabel("phone");
			totp.setSecretData("{\"value\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}");
			totp.setCredentialData(
					"{\"subType\":\"totp\",\"digits\":6,\"period\":30,\"algorithm\":\"HmacSHA1\",\"counter\":0}");
			user.setCredentials(List.of(password, totp));
		}
		else {
			user.setCredentials(List.of(password));
		}
		try (Response created = realm().users().create(user)) {
			assertThat(created.getStatus()).as("create " + username + " in Keycloak").isEqualTo(201);
		}
		if (otp) {
			assertThat(realm().users().get(userId(username)).credentials())
				.as("the OTP credential is stored with the user")
				.anyMatch(c -> "otp".equals(c.getType()));
		}
	}

	private static String userId(String username) {
		return realm().users().searchByUsername(username, true).get(0).getId();
	}

	private static RealmResource realm() {
		return master.realm(io.trunkguard.testsupport.KeycloakServer.REALM);
	}

}
