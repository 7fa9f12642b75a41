package io.trunkguard.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.testsupport.KeycloakPostgresApplicationTest;
import io.trunkguard.testsupport.KeycloakServer;
import jakarta.ws.rs.core.Response;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * The MFA read on PostgreSQL against the real Keycloak of the test run, with compliance
 * leads who hold the role only indirectly: one through a group holding
 * {@code compliance-lead} (with an OTP credential), one through a subgroup of it, one
 * through a composite role that contains a composite role that contains it. A user in
 * none of them is not listed. The read, its rows, its exception tasks and its two reports
 * are stored in PostgreSQL as CC6.1 evidence, which the auditor reads on {@code /mfa} and
 * finds in a CC6.1 pack.
 */
class KeycloakMfaPostgresIntegrationTest extends KeycloakPostgresApplicationTest {

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final String VIA_GROUP = "mfa-pg-group-" + RUN;

	static final String VIA_SUBGROUP = "mfa-pg-subgroup-" + RUN;

	static final String VIA_COMPOSITE = "mfa-pg-composite-" + RUN;

	static final String NOT_A_LEAD = "mfa-pg-plain-" + RUN;

	static final String GROUP = "mfa-pg-voice-leads-" + RUN;

	static final String OUTER_ROLE = "mfa-pg-voice-manager-" + RUN;

	static final String INNER_ROLE = "mfa-pg-lead-bundle-" + RUN;

	static Keycloak master;

	static String groupId;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	MfaDirectory directory;

	@Autowired
	EvidenceService evidence;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	static void createIndirectLeads() {
		master = keycloak.masterAdminClient();
		RealmResource realm = realm();
		GroupRepresentation group = new GroupRepresentation();
		group.setName(GROUP);
		try (Response created = realm.groups().add(group)) {
			groupId = CreatedResponseUtil.getCreatedId(created);
		}
		realm.groups().group(groupId).roles().realmLevel().add(List.of(role("compliance-lead")));
		GroupRepresentation east = new GroupRepresentation();
		east.setName("east");
		String eastId;
		try (Response created = realm.groups().group(groupId).subGroup(east)) {
			eastId = CreatedResponseUtil.getCreatedId(created);
		}
		createRole(INNER_ROLE);
		realm.roles().get(INNER_ROLE).addComposites(List.of(role("compliance-lead")));
		createRole(OUTER_ROLE);
		realm.roles().get(OUTER_ROLE).addComposites(List.of(role(INNER_ROLE)));

		realm.users().get(createUser(VIA_GROUP, true)).joinGroup(groupId);
		realm.users().get(createUser(VIA_SUBGROUP, false)).joinGroup(eastId);
		realm.users().get(createUser(VIA_COMPOSITE, false)).roles().realmLevel().add(List.of(role(OUTER_ROLE)));
		createUser(NOT_A_LEAD, false);
	}

	/**
	 * The realm is shared by every Keycloak test of the run: leave no extra lead in it.
	 */
	@AfterAll
	static void removeThem() {
		if (master == null) {
			return;
		}
		RealmResource realm = realm();
		for (String username : List.of(VIA_GROUP, VIA_SUBGROUP, VIA_COMPOSITE, NOT_A_LEAD)) {
			realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
		}
		if (groupId != null) {
			realm.groups().group(groupId).remove();
		}
		for (String role : List.of(OUTER_ROLE, INNER_ROLE)) {
			realm.roles().deleteRole(role);
		}
		master.close();
	}

	@Test
	void findsHoldersOfARoleThroughGroupsSubgroupsAndNestedCompositeRoles() {
		Map<String, Set<String>> holders = directory.holdersOf(Set.of("compliance-lead", "auditor"));

		assertThat(holders).containsEntry(VIA_GROUP, Set.of("compliance-lead"))
			.containsEntry(VIA_SUBGROUP, Set.of("compliance-lead"))
			.containsEntry(VIA_COMPOSITE, Set.of("compliance-lead"))
			.containsEntry("compliance-lead", Set.of("compliance-lead"))
			.containsEntry("auditor", Set.of("auditor"))
			.doesNotContainKey(NOT_A_LEAD);
	}

	@Test
	void storesTheReadItsExceptionsAndReportsInPostgresForTheAuditor() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		String body = mvc
			.perform(post("/api/mfa/reads").with(csrf()).with(user("lead-pg-" + RUN).roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode read = json.readTree(body);
		UUID readId = UUID.fromString(read.get("id").asText());
		assertThat(read.get("identityProvider").asBoolean()).isTrue();
		assertThat(read.get("source").asText()).startsWith("the Keycloak realm trunkguard at http://127.0.0.1:");

		JsonNode group = row(read, VIA_GROUP);
		assertThat(group.get("roles").asText()).isEqualTo("Trunkguard compliance lead on Trunkguard");
		assertThat(group.get("factors").asText()).isEqualTo("a one-time password (OTP)");
		assertThat(group.get("statusLabel").asText()).isEqualTo("Configured but not required");
		for (String indirect : List.of(VIA_SUBGROUP, VIA_COMPOSITE)) {
			assertThat(row(read, indirect).get("roles").asText()).isEqualTo("Trunkguard compliance lead on Trunkguard");
			assertThat(row(read, indirect).get("status").asText()).isEqualTo("MISSING");
		}
		assertThat(read.get("people").findValuesAsText("username")).doesNotContain(NOT_A_LEAD);

		// stored in PostgreSQL: the read, one row per person, an exception task per
		// finding
		assertThat(jdbc.queryForObject("select count(*) from mfa_read_row where read_id = ?", Integer.class, readId))
			.isEqualTo(read.get("people").size());
		assertThat(jdbc.queryForObject("select status from mfa_read_row where read_id = ? and username = ?",
				String.class, readId, VIA_COMPOSITE))
			.isEqualTo("MISSING");
		assertThat(jdbc.queryForList(
				"select owner_name from mfa_exception where username = ? and status = 'OPEN' and opened_by_read = ?",
				String.class, VIA_SUBGROUP, readId))
			.containsExactly("the compliance leads");

		// CC6.1 evidence dated the day of the read, read by the auditor and packed
		LocalDate day = LocalDate.ofInstant(java.time.Instant.parse(read.get("readAt").asText()), ZoneOffset.UTC);
		List<EvidenceItem> stored = evidence.about("MfaRead", readId.toString());
		assertThat(stored).hasSize(2).allSatisfy(item -> {
			assertThat(item.getControls()).containsExactly("CC6.1");
			assertThat(item.getEvidencedFrom()).isEqualTo(day);
		});
		String page = mvc.perform(get("/mfa").with(user("auditor-pg-" + RUN).roles("auditor")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(VIA_COMPOSITE, "Trunkguard compliance lead on Trunkguard")
			.doesNotContain("id=\"read-now\"");
		byte[] xlsx = download("/mfa/reads/" + readId + "/report.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> usernames = new ArrayList<>();
			workbook.getSheet("Privileged people").forEach(r -> usernames.add(r.getCell(1).getStringCellValue()));
			assertThat(usernames).contains(VIA_GROUP, VIA_SUBGROUP, VIA_COMPOSITE).doesNotContain(NOT_A_LEAD);
		}
		assertThat(packEntries(day)).anyMatch(name -> name.endsWith("mfa-privileged-access-" + day + ".pdf"))
			.anyMatch(name -> name.endsWith("mfa-privileged-access-" + day + ".xlsx"));
	}

	private byte[] download(String path) throws Exception {
		MvcResult started = mvc.perform(get(path).with(user("auditor-pg-" + RUN).roles("auditor")))
			.andExpect(request().asyncStarted())
			.andReturn();
		return mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
	}

	private List<String> packEntries(LocalDate day) throws Exception {
		MvcResult started = mvc
			.perform(get("/api/evidence-packs?criteria=CC6.1&from=" + day + "&to=" + day)
				.with(user("auditor-pg-" + RUN).roles("auditor")))
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

	private static JsonNode row(JsonNode read, String username) {
		for (JsonNode row : read.get("people")) {
			if (row.get("username").asText().equals(username)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + username + " in " + read.get("people"));
	}

	private static RoleRepresentation role(String name) {
		return realm().roles().get(name).toRepresentation();
	}

	private static void createRole(String name) {
		RoleRepresentation role = new RoleRepresentation();
		role.setName(name);
		realm().roles().create(role);
	}

	/**
	 * Creates an enabled user (with a TOTP credential if {@code otp}) and returns its id.
	 */
	private static String createUser(String username, boolean otp) {
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
		try (Response created = realm().users().create(user)) {
			assertThat(created.getStatus()).as("create " + username + " in Keycloak").isEqualTo(201);
			return CreatedResponseUtil.getCreatedId(created);
		}
	}

	private static RealmResource realm() {
		return master.realm(KeycloakServer.REALM);
	}

}
