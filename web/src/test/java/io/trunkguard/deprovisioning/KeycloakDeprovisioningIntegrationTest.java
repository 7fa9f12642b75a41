package io.trunkguard.deprovisioning;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.testsupport.KeycloakAdminApplicationTest;
import io.trunkguard.testsupport.KeycloakServer;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * From the signed HR webhook to a real Keycloak (the distribution with the realm export):
 * the whole application with its process engine running the deprovisioning process and
 * the Keycloak adapter acting through the {@code trunkguard-admin} service account. The
 * leaver is a user this test creates, so no other test is affected.
 */
class KeycloakDeprovisioningIntegrationTest extends KeycloakAdminApplicationTest {

	static final String SECRET = HR_WEBHOOK_SECRET;
	static final String USERNAME = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
	static final String PASSWORD = "leaver-pw-" + UUID.randomUUID();

	static Keycloak admin;

	@BeforeAll
	static void createLeaverInKeycloak() {
		admin = KeycloakBuilder.builder()
			.serverUrl(keycloak.baseUrl())
			.realm(KeycloakServer.REALM)
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(KeycloakServer.ADMIN_CLIENT_ID)
			.clientSecret(KeycloakServer.ADMIN_CLIENT_SECRET)
			.build();
		UserRepresentation user = new UserRepresentation();
		user.setUsername(USERNAME);
		user.setEnabled(true);
		user.setEmail(USERNAME + "@example.test");
		user.setEmailVerified(true);
		user.setFirstName("Leo");
		user.setLastName("Leaver");
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType(CredentialRepresentation.PASSWORD);
		password.setValue(PASSWORD);
		password.setTemporary(false);
		user.setCredentials(List.of(password));
		try (Response created = realm().users().create(user)) {
			assertThat(created.getStatus()).as("create the leaver in Keycloak").isEqualTo(201);
		}
		// the service account may map roles (manage-users) but not read the realm's roles
		// (no view-realm)
		RoleRepresentation reviewer = leaver().roles()
			.realmLevel()
			.listAvailable()
			.stream()
			.filter(r -> r.getName().equals("reviewer"))
			.findFirst()
			.orElseThrow();
		leaver().roles().realmLevel().add(List.of(reviewer));
	}

	@AfterAll
	static void closeAdminClient() {
		if (admin != null) {
			admin.close();
		}
	}

	static RealmResource realm() {
		return admin.realm(KeycloakServer.REALM);
	}

	static UserResource leaver() {
		return realm().users().get(realm().users().searchByUsername(USERNAME, true).get(0).getId());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	org.camunda.bpm.engine.ManagementService management;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.HistoryService history;

	static String sign(String timestamp, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
	}

	@Test
	void afterTheWebhookTheLeaverCannotLogInAndHoldsNoRole() throws Exception {
		String hrId = "HR-" + USERNAME;
		Person person = people.register(new PersonDetails(hrId, "Leo Leaver", USERNAME + "@example.test", USERNAME,
				null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 5, 1), null), "tester");
		Person owner = people.register(
				new PersonDetails("HR-OWNER-" + USERNAME, "Ida Owner", "owner-" + USERNAME + "@example.test",
						"owner-" + USERNAME, null, "IT", EmploymentType.EMPLOYEE, LocalDate.of(2020, 1, 1), null),
				"tester");
		AccessSystem idp = access.registerSystem(new SystemDetails("Keycloak " + USERNAME, SystemKind.IDENTITY_PROVIDER,
				null, owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant role = access.issueGrant(new NewGrant(person.getId(), idp.getId(), "reviewer", false), "tester");

		// the leaver can log in and has a session before
		assertThat(keycloak.passwordGrant(USERNAME, PASSWORD)).isNotBlank();
		assertThat(leaver().getUserSessions()).hasSize(1);

		Instant effective = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		byte[] body = """
				{"eventId": "evt-%s", "hrId": "%s", "effectiveAt": "%s", "type": "termination"}
				""".formatted(USERNAME, hrId, effective).getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		long sent = System.nanoTime();
		mvc.perform(post("/hr/events/termination").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header("X-Trunkguard-Timestamp", timestamp)
			.header("X-Trunkguard-Signature", sign(timestamp, body))).andExpect(status().isAccepted());
		long accepted = System.nanoTime();

		DeprovisioningCase done = awaitCompletion(person, Duration.ofSeconds(120));
		System.out.printf("deprovisioning: webhook answered in %d ms, case completed %d ms after the webhook%n",
				(accepted - sent) / 1_000_000, (System.nanoTime() - sent) / 1_000_000);

		assertThatThrownBy(() -> keycloak.passwordGrant(USERNAME, PASSWORD)).hasMessageContaining("invalid_grant")
			.hasMessageContaining("Account disabled");
		assertThat(leaver().roles().realmLevel().listAll()).extracting(RoleRepresentation::getName)
			.doesNotContain("reviewer");
		assertThat(leaver().toRepresentation().isEnabled()).isFalse();
		assertThat(leaver().getUserSessions()).isEmpty();

		assertThat(access.getGrant(role.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(access.getGrant(role.getId()).getRevokedBy()).isEqualTo("system:keycloak");
		assertThat(people.get(person.getId()).getEmploymentStatus()).isEqualTo(EmploymentStatus.LEFT);
		assertThat(done.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED, StepKind.GRANT_REVOKED,
					StepKind.VERIFIED);
		assertThat(done.getSteps().get(1).getNote()).isEqualTo("1 session(s) ended");
		assertThat(done.getSlaMet()).isTrue();
		assertThat(done.timeToDeprovision().orElseThrow()).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(13));
	}

	/**
	 * The fault test: Keycloak is down when the HR event arrives. The account step fails
	 * and is retried with backoff (its job keeps the exception and is due again later;
	 * the case records nothing), Keycloak comes back, and the case completes exactly
	 * once: one case, one process, each step recorded once. Keycloak is started again
	 * whatever happens, since every later test of this JVM shares it.
	 */
	@Test
	void completesTheCaseExactlyOnceAfterKeycloakWasDownDuringIt() throws Exception {
		String username = "fault-" + UUID.randomUUID().toString().substring(0, 8);
		UserRepresentation user = new UserRepresentation();
		user.setUsername(username);
		user.setEnabled(true);
		user.setEmail(username + "@example.test");
		user.setFirstName("Fay");
		user.setLastName("Fault");
		try (Response created = realm().users().create(user)) {
			assertThat(created.getStatus()).isEqualTo(201);
		}
		UserResource account = realm().users().get(realm().users().searchByUsername(username, true).get(0).getId());
		RoleRepresentation reviewer = account.roles()
			.realmLevel()
			.listAvailable()
			.stream()
			.filter(r -> r.getName().equals("reviewer"))
			.findFirst()
			.orElseThrow();
		account.roles().realmLevel().add(List.of(reviewer));
		Person person = people.register(new PersonDetails("HR-" + username, "Fay Fault", username + "@example.test",
				username, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 5, 1), null), "tester");
		Person owner = people.register(
				new PersonDetails("HR-OWNER-" + username, "Ola Owner", "owner-" + username + "@example.test",
						"owner-" + username, null, "IT", EmploymentType.EMPLOYEE, LocalDate.of(2020, 1, 1), null),
				"tester");
		AccessSystem idp = access.registerSystem(new SystemDetails("Keycloak " + username, SystemKind.IDENTITY_PROVIDER,
				null, owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant role = access.issueGrant(new NewGrant(person.getId(), idp.getId(), "reviewer", false), "tester");

		byte[] body = ("{\"eventId\": \"fault-" + username + "\", \"hrId\": \"HR-" + username
				+ "\", \"effectiveAt\": \"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		long down = System.nanoTime();
		keycloak.stop();
		try {
			String timestamp = Long.toString(Instant.now().getEpochSecond());
			mvc.perform(post("/hr/events/termination").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-Trunkguard-Timestamp", timestamp)
				.header("X-Trunkguard-Signature", sign(timestamp, body))).andExpect(status().isAccepted());
			// the case is written by the intake worker right after the answer
			long written = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (deprovisioning.openCaseOf(person.getId()).isEmpty() && System.nanoTime() < written) {
				Thread.sleep(50);
			}
			DeprovisioningCase open = deprovisioning.openCaseOf(person.getId()).orElseThrow();

			// the account step failed against the stopped Keycloak and waits for its
			// retry
			Job failed = awaitFailedJob(open.getId(), Duration.ofSeconds(60));
			// retried with backoff (PT10S, PT30S, ...): retries left, the next attempt
			// later, the error kept for Cockpit
			assertThat(failed.getRetries()).isBetween(1, 5);
			assertThat(failed.getDuedate()).isAfter(java.util.Date.from(Instant.now()));
			assertThat(failed.getExceptionMessage()).isNotBlank();
			assertThat(deprovisioning.get(open.getId()).getSteps()).isEmpty();
			assertThat(deprovisioning.get(open.getId()).isOpen()).isTrue();
		}
		finally {
			Duration restart = keycloak.start();
			System.out.printf("deprovisioning fault test: Keycloak down for %d ms (restart %d ms)%n",
					(System.nanoTime() - down) / 1_000_000, restart.toMillis());
		}
		// do not wait for the backoff (10 s, 30 s, ...): run the retry now, as an
		// operator would from Cockpit
		DeprovisioningCaseId caseId = deprovisioning.openCaseOf(person.getId()).orElseThrow().getId();
		for (Job job : management.createJobQuery().processInstanceId(instanceOf(caseId)).withException().list()) {
			try {
				management.executeJob(job.getId());
			}
			catch (RuntimeException raceWithTheJobExecutor) {
				// the job executor ran it at the same moment; it completes there
			}
		}

		DeprovisioningCase done = awaitCompletion(person, Duration.ofSeconds(90));
		assertThat(deprovisioning.casesOf(person.getId())).hasSize(1);
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(done.getId().toString())
			.count()).isOne();
		assertThat(done.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.SESSIONS_ENDED, StepKind.GRANT_REVOKED,
					StepKind.VERIFIED);
		assertThat(account.toRepresentation().isEnabled()).isFalse();
		assertThat(account.roles().realmLevel().listAll()).extracting(RoleRepresentation::getName)
			.doesNotContain("reviewer");
		assertThat(access.getGrant(role.getId()).getRevokedBy()).isEqualTo("system:keycloak");
		assertThat(runtime.createIncidentQuery()
			.processInstanceId(history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(done.getId().toString())
				.singleResult()
				.getId())
			.count()).isZero();
	}

	Job awaitFailedJob(DeprovisioningCaseId caseId, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			ProcessInstance instance = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseId.toString())
				.singleResult();
			if (instance != null) {
				List<Job> failed = management.createJobQuery()
					.processInstanceId(instance.getId())
					.withException()
					.list();
				if (!failed.isEmpty()) {
					return failed.get(0);
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no failed job for case " + caseId + " within " + timeout);
	}

	String instanceOf(DeprovisioningCaseId caseId) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId.toString())
			.singleResult()
			.getId();
	}

	/**
	 * A small burst against the real Keycloak: N leavers at once, each HR event to their
	 * account disabled (observed in Keycloak), printed as p50/p95; every event gives
	 * exactly one case and one process.
	 */
	@Test
	void deprovisionsABurstOfLeaversOnceEachAndPrintsTheLatency() throws Exception {
		int n = 30;
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<String> usernames = new java.util.ArrayList<>();
		List<Person> persons = new java.util.ArrayList<>();
		for (int i = 0; i < n; i++) {
			String username = "burst-" + run + "-" + i;
			UserRepresentation user = new UserRepresentation();
			user.setUsername(username);
			user.setEnabled(true);
			user.setEmail(username + "@example.test");
			user.setFirstName("Burst");
			user.setLastName("Leaver " + i);
			try (Response created = realm().users().create(user)) {
				assertThat(created.getStatus()).isEqualTo(201);
			}
			usernames.add(username);
			persons.add(
					people.register(
							new PersonDetails("HR-" + username, "Burst Leaver " + i, username + "@example.test",
									username, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 5, 1), null),
							"tester"));
		}
		long[] sentAt = new long[n];
		long[] disabledAfterMs = new long[n];
		for (int i = 0; i < n; i++) {
			byte[] body = ("{\"eventId\": \"burst-" + run + "-" + i + "\", \"hrId\": \"HR-" + usernames.get(i)
					+ "\", \"effectiveAt\": \"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			String timestamp = Long.toString(Instant.now().getEpochSecond());
			sentAt[i] = System.nanoTime();
			mvc.perform(post("/hr/events/termination").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-Trunkguard-Timestamp", timestamp)
				.header("X-Trunkguard-Signature", sign(timestamp, body))).andExpect(status().isAccepted());
			// the same event again, at once: must not give a second case or process
			mvc.perform(post("/hr/events/termination").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-Trunkguard-Timestamp", timestamp)
				.header("X-Trunkguard-Signature", sign(timestamp, body))).andExpect(status().isAccepted());
		}
		java.util.Set<Integer> pending = new java.util.HashSet<>(
				java.util.stream.IntStream.range(0, n).boxed().toList());
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (!pending.isEmpty() && System.nanoTime() < deadline) {
			// one query for all of them: the measurement's resolution is this loop's
			// period, not N round trips
			java.util.Map<String, Boolean> enabled = realm().users()
				.search("burst-" + run, 0, 2 * n)
				.stream()
				.collect(java.util.stream.Collectors.toMap(UserRepresentation::getUsername,
						u -> Boolean.TRUE.equals(u.isEnabled())));
			long now = System.nanoTime();
			for (Integer i : List.copyOf(pending)) {
				if (Boolean.FALSE.equals(enabled.get(usernames.get(i)))) {
					disabledAfterMs[i] = (now - sentAt[i]) / 1_000_000;
					pending.remove(i);
				}
			}
			Thread.sleep(50);
		}
		assertThat(pending).as("accounts still enabled after 180 s").isEmpty();
		for (Person person : persons) {
			awaitCompletion(person, Duration.ofSeconds(120));
			assertThat(deprovisioning.casesOf(person.getId())).hasSize(1);
			assertThat(deprovisioning.casesOf(person.getId()).get(0).getReceipts()).hasSize(2);
		}
		long[] sorted = disabledAfterMs.clone();
		java.util.Arrays.sort(sorted);
		System.out.printf(
				"deprovisioning burst: %d events, HR event to Keycloak account disabled: p50 %d ms, p95 %d ms, max %d ms%n",
				n, sorted[n / 2], sorted[(int) Math.ceil(n * 0.95) - 1], sorted[n - 1]);
	}

	DeprovisioningCase awaitCompletion(Person person, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			List<DeprovisioningCase> cases = deprovisioningCases(person);
			if (!cases.isEmpty() && cases.get(0).getStatus() == CaseStatus.COMPLETED) {
				return cases.get(0);
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the case of " + person.getHrId() + " did not complete within " + timeout + ": "
				+ deprovisioningCases(person).stream()
					.map(c -> c.getStatus() + " " + c.getSteps().stream().map(Step::getKind).toList())
					.toList());
	}

	List<DeprovisioningCase> deprovisioningCases(Person person) {
		return deprovisioning.openCaseOf(person.getId())
			.map(List::of)
			.orElseGet(() -> deprovisioning.casesOf(person.getId()));
	}

}
