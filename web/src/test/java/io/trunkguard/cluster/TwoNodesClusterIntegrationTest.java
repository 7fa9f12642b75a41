package io.trunkguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import io.trunkguard.cluster.NodeClient.NodeUnreachableException;
import io.trunkguard.deprovisioning.hr.SignedWebhooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 13, "production proven": two Trunkguard nodes, each the built jar in its own Java
 * process (profile {@code postgres}), on one real PostgreSQL server, sharing nothing else
 * but the stored-files directory, as production nodes do. Run by Failsafe after the jar
 * is packaged ({@code ./mvnw verify}).
 * <ul>
 * <li>a leaver's sessions end on both nodes at once (the check reads the database);</li>
 * <li>a burst of HR events, each event sent to both nodes at the same time: one case per
 * person, one process, each job run once (by either node), each step and audit entry
 * once, no incident, and the audit chain, appended by both nodes at once, intact;</li>
 * <li>failed logins spread over both nodes lock the account out on both, once;</li>
 * <li>a node killed with SIGKILL in a burst: every event it acknowledged has its case and
 * audit entry, the HR system's retries of the unanswered ones on the other node start no
 * second case, the node restarts cleanly on the same database, every case is carried out
 * once and the chain verifies.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesClusterIntegrationTest {

	private static final String SECRET = "cluster-webhook-secret-0123456789";

	private static final String LEAD_PASSWORD = "lead-cluster-pw-0123";

	private static final String REVIEWER_PASSWORD = "reviewer-cluster-pw-0123";

	private static final String AUDITOR_PASSWORD = "auditor-cluster-pw-0123";

	private static final String ADMIN_PASSWORD = "admin-cluster-pw-0123";

	private static final int LOCKOUT_AFTER = 6;

	private static final Duration CARRIED_OUT_WITHIN = Duration.ofMinutes(2);

	private final SignedWebhooks hr = new SignedWebhooks(SECRET);

	private EmbeddedPostgres postgres;

	private JdbcTemplate jdbc;

	private AppNode a;

	private AppNode b;

	@BeforeAll
	void startTwoNodesOnOnePostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database cluster");
		}
		DataSource database = postgres.getDatabase("postgres", "cluster");
		jdbc = new JdbcTemplate(database);

		Path jar = Path.of(System.getProperty("trunkguard.jar", "target/trunkguard.jar")).toAbsolutePath();
		Path root = Path.of("target", "cluster-test").toAbsolutePath();
		Map<String, String> environment = Map.ofEntries(Map.entry("SPRING_PROFILES_ACTIVE", "postgres"),
				Map.entry("TRUNKGUARD_DB_URL", postgres.getJdbcUrl("postgres", "cluster")),
				Map.entry("TRUNKGUARD_DB_USER", "postgres"), Map.entry("TRUNKGUARD_DB_PASSWORD", ""),
				Map.entry("TRUNKGUARD_DEMO_ENABLED", "true"),
				Map.entry("TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD", LEAD_PASSWORD),
				Map.entry("TRUNKGUARD_PASSWORD_REVIEWER", REVIEWER_PASSWORD),
				Map.entry("TRUNKGUARD_PASSWORD_AUDITOR", AUDITOR_PASSWORD),
				Map.entry("TRUNKGUARD_PASSWORD_ADMIN", ADMIN_PASSWORD),
				Map.entry("TRUNKGUARD_SECURITY_ABUSE_BACKOFFAFTER", Integer.toString(LOCKOUT_AFTER)),
				Map.entry("TRUNKGUARD_SECURITY_ABUSE_LOCKOUTAFTER", Integer.toString(LOCKOUT_AFTER)),
				Map.entry("TRUNKGUARD_HR_WEBHOOK_SECRET", SECRET),
				Map.entry("TRUNKGUARD_EVIDENCE_DIRECTORY", root.resolve("files").toString()),
				// a killed node's job locks expire after 30 s instead of 5 min (see the
				// kill test)
				Map.entry("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", "30000"),
				Map.entry("LOGGING_LEVEL_ROOT", "WARN"), Map.entry("LOGGING_LEVEL_IO_TRUNKGUARD", "INFO"));
		// one after the other, as an operator adds a node: the first creates the schemas
		a = new AppNode("node-a", jar, root.resolve("node-a"), environment).start();
		b = new AppNode("node-b", jar, root.resolve("node-b"), environment).start();
	}

	@AfterAll
	void stop() throws IOException {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void endsALeaversSessionsOnBothNodesAtOnce() {
		NodeClient onA = new NodeClient(a).login("reviewer", REVIEWER_PASSWORD);
		NodeClient onB = new NodeClient(b).login("reviewer", REVIEWER_PASSWORD);
		assertThat(onA.get("/").statusCode()).isEqualTo(200);
		assertThat(onB.get("/").statusCode()).isEqualTo(200);
		String reviewerHrId = jdbc.queryForObject("select hr_id from person where username = 'reviewer'", String.class);
		int refusalsBefore = count("select count(*) from audit_entry where action = 'ENDED_LOGIN_REFUSED'");

		byte[] event = SignedWebhooks.termination("evt-reviewer-leaves", reviewerHrId, Instant.now().minusSeconds(60));
		assertThat(new NodeClient(a).post(SignedWebhooks.PATH, event, hr.headers(event)).statusCode()).isEqualTo(202);

		// no waiting: the node that did not receive the event refuses the next request
		// with the access-ended page, and its session is gone
		assertAccessEnded(onB.get("/"));
		assertAccessEnded(onA.get("/"));
		assertRedirectedToLogin(onB.get("/"));
		assertRedirectedToLogin(onA.get("/"));
		assertThat(count("select count(*) from audit_entry where action = 'ENDED_LOGIN_REFUSED'"))
			.isEqualTo(refusalsBefore + 2);
	}

	@Test
	@Order(2)
	void carriesOutABurstOfTerminationsSentToBothNodesOnce() throws Exception {
		int people = 100;
		registerPeople("CL", people);

		// 200 events: each person's event to node A and to node B at the same time
		ExecutorService senders = Executors.newFixedThreadPool(8);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			byte[] event = SignedWebhooks.termination("evt-burst-" + i, "CL-" + i, Instant.now().minusSeconds(60));
			for (AppNode node : List.of(a, b)) {
				answers.add(senders.submit(
						() -> new NodeClient(node).post(SignedWebhooks.PATH, event, hr.headers(event)).statusCode()));
			}
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		senders.shutdown();
		assertThat(statuses).as("every event acknowledged").hasSize(2 * people).containsOnly(202);

		awaitCompleted("CL-%", people);
		assertCarriedOutOnce("CL-%", people);
		assertThat(jdbc
			.queryForList("select case_id from deprovisioning_receipt r join deprovisioning_case c on c.id = r.case_id "
					+ "where c.hr_id like 'CL-%' group by case_id having count(*) <> 2", String.class))
			.as("both receipts of each event on its one case")
			.isEmpty();
		// which node's job executor acquires a job is up to the two executors' timing (on
		// a
		// loaded machine one node may take the whole burst); what must hold is that every
		// job
		// was run by one of the two nodes, once (checked above)
		List<Map<String, Object>> jobsPerNode = jdbc
			.queryForList("select hostname_ as node, count(*) as jobs from act_hi_job_log where job_state_ = 2 "
					+ "and process_def_key_ = 'deprovisioning' group by hostname_");
		System.out.printf("deprovisioning jobs completed per node: %s%n", jobsPerNode);
		assertThat(jobsPerNode).as("jobs were run").isNotEmpty();
		assertThat(jobsPerNode).extracting(row -> row.get("node"))
			.as("every job run by one of the two nodes")
			.isSubsetOf("node-a", "node-b");
		assertChainIntact();
	}

	/**
	 * Issue 13: the failed-login counts were per node; guessing spread over both nodes
	 * got twice the allowance. Here the nodes lock out after {@value #LOCKOUT_AFTER}.
	 */
	@Test
	@Order(3)
	void locksAnAccountOutAfterFailuresSpreadOverBothNodes() {
		int lockoutsBefore = count("select count(*) from audit_entry where action = 'LOGIN_LOCKED_OUT'");
		for (int i = 0; i < LOCKOUT_AFTER; i++) {
			AppNode node = i % 2 == 0 ? a : b;
			assertThat(new NodeClient(node).attemptLogin("admin", "wrong-password-" + i)).endsWith("/login?error");
		}
		// the right password, on either node, waits out the lockout
		assertThat(new NodeClient(a).attemptLogin("admin", ADMIN_PASSWORD)).endsWith("/login?paused");
		assertThat(new NodeClient(b).attemptLogin("admin", ADMIN_PASSWORD)).endsWith("/login?paused");
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_LOCKED_OUT'"))
			.as("one lockout, recorded once")
			.isEqualTo(lockoutsBefore + 1);
	}

	@Test
	@Order(4)
	void losesNothingAcknowledgedWhenANodeIsKilledInABurst() throws Exception {
		int people = 60;
		registerPeople("KL", people);

		Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
		Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
		AtomicInteger sent = new AtomicInteger();
		ExecutorService senders = Executors.newFixedThreadPool(4);
		List<Future<?>> sending = new ArrayList<>();
		for (int n = 0; n < people; n++) {
			int i = n;
			sending.add(senders.submit(() -> {
				byte[] event = killEvent(i);
				sent.incrementAndGet();
				try {
					int status = new NodeClient(b).post(SignedWebhooks.PATH, event, hr.headers(event)).statusCode();
					assertThat(status).isEqualTo(202);
					acknowledged.add(i);
				}
				catch (NodeUnreachableException e) {
					unanswered.add(i);
				}
			}));
		}

		await(() -> acknowledged.size() >= people / 3, Duration.ofMinutes(1));
		b.kill();
		for (Future<?> future : sending) {
			future.get();
		}
		senders.shutdown();
		System.out.printf(
				"kill -9 of node-b: %d events acknowledged, %d unanswered, %d sent; %d cases committed, "
						+ "%d module events left incomplete, %d jobs locked by node-b%n",
				acknowledged.size(), unanswered.size(), sent.get(),
				count("select count(*) from deprovisioning_case where hr_id like 'KL-%'"),
				count("select count(*) from event_publication where completion_date is null"),
				count("select count(*) from act_ru_job where lock_owner_ is not null"));
		assertThat(acknowledged).isNotEmpty();
		assertThat(unanswered).as("some events were in flight or unsent when the node died").isNotEmpty();

		for (int i : acknowledged) {
			assertThat(count("select count(*) from deprovisioning_case where event_id = ?", "evt-kill-" + i))
				.as("acknowledged event %d has its case", i)
				.isOne();
			assertThat(count("select count(*) from audit_entry a join deprovisioning_case c "
					+ "on a.subject_id = cast(c.id as varchar) where c.event_id = ? "
					+ "and a.action = 'DEPROVISIONING_CASE_OPENED'", "evt-kill-" + i))
				.as("acknowledged event %d has its audit entry", i)
				.isOne();
		}

		// the HR system retries what was not answered, on the node that is up
		for (int i : unanswered) {
			byte[] event = killEvent(i);
			assertThat(new NodeClient(a).post(SignedWebhooks.PATH, event, hr.headers(event)).statusCode())
				.isEqualTo(202);
		}
		b.start();

		awaitCompleted("KL-%", people);
		assertCarriedOutOnce("KL-%", people);
		assertChainIntact();
	}

	private byte[] killEvent(int i) {
		return SignedWebhooks.termination("evt-kill-" + i, "KL-" + i, Instant.now().minusSeconds(60));
	}

	/** Registers people through the API, half on each node. */
	private void registerPeople(String prefix, int people) throws Exception {
		List<NodeClient> leads = List.of(new NodeClient(a).login("compliance-lead", LEAD_PASSWORD),
				new NodeClient(b).login("compliance-lead", LEAD_PASSWORD));
		ExecutorService registrars = Executors.newFixedThreadPool(4);
		List<Future<Integer>> created = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			NodeClient lead = leads.get(i % 2);
			String person = """
					{"hrId":"%s-%d","fullName":"Leaver %d","email":"%s-%d@example.test","department":"Voice Engineering",
					 "employmentType":"EMPLOYEE","startDate":"2024-03-01"}
					"""
				.formatted(prefix, i, i, prefix.toLowerCase(), i);
			created.add(registrars.submit(() -> lead.postJson("/api/people", person).statusCode()));
		}
		for (Future<Integer> status : created) {
			assertThat(status.get()).isEqualTo(201);
		}
		registrars.shutdown();
	}

	private void awaitCompleted(String hrIds, int cases) {
		await(() -> count("select count(*) from deprovisioning_case where hr_id like ? and status = 'COMPLETED'",
				hrIds) == cases, CARRIED_OUT_WITHIN);
	}

	/**
	 * One case per person, one process per case, every step and audit entry once, no
	 * incident.
	 */
	private void assertCarriedOutOnce(String hrIds, int people) {
		assertThat(count("select count(*) from deprovisioning_case where hr_id like ?", hrIds)).isEqualTo(people);
		assertThat(jdbc.queryForList("select c.id from deprovisioning_case c left join act_hi_procinst p "
				+ "on p.business_key_ = cast(c.id as varchar) and p.proc_def_key_ = 'deprovisioning' "
				+ "where c.hr_id like ? group by c.id having count(p.id_) <> 1", String.class, hrIds))
			.as("one process per case")
			.isEmpty();
		assertThat(jdbc.queryForList(
				"select s.case_id || ' ' || s.kind from deprovisioning_step s join deprovisioning_case c "
						+ "on c.id = s.case_id where c.hr_id like ? group by s.case_id, s.kind having count(*) > 1",
				String.class, hrIds))
			.as("no step done twice")
			.isEmpty();
		assertThat(jdbc.queryForList("select c.id || ' ' || a.action from audit_entry a join deprovisioning_case c "
				+ "on a.subject_id = cast(c.id as varchar) where c.hr_id like ? and a.action in "
				+ "('DEPROVISIONING_CASE_OPENED', 'DEPROVISIONING_CASE_COMPLETED', 'DEPROVISIONING_VERIFIED') "
				+ "group by c.id, a.action having count(*) <> 1", String.class, hrIds))
			.as("each case opened, verified and completed once in the audit trail")
			.isEmpty();
		assertThat(count("select count(*) from audit_entry a join deprovisioning_case c "
				+ "on a.subject_id = cast(c.id as varchar) where c.hr_id like ? and a.action = "
				+ "'DEPROVISIONING_CASE_COMPLETED'", hrIds))
			.isEqualTo(people);
		assertThat(jdbc.queryForList(
				"select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1",
				String.class))
			.as("no job completed twice")
			.isEmpty();
		assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
	}

	private void assertChainIntact() {
		for (AppNode node : List.of(a, b)) {
			HttpResponse<String> verification = new NodeClient(node).login("auditor", AUDITOR_PASSWORD)
				.get("/api/audit/verify");
			assertThat(verification.statusCode()).isEqualTo(200);
			assertThat(verification.body()).as("verified on %s", node).contains("\"intact\":true");
		}
		assertThat(count("select count(*) from audit_entry"))
			.isEqualTo(jdbc.queryForObject("select last_sequence from audit_chain_head", Long.class).intValue());
	}

	private static void assertAccessEnded(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Your access has ended");
	}

	private static void assertRedirectedToLogin(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	private int count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Integer.class, arguments);
	}

	private static void await(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within " + timeout);
			}
			AppNode.sleep(250);
		}
	}

}
