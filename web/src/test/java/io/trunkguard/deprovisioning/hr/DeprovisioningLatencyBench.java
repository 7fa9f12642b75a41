package io.trunkguard.deprovisioning.hr;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.deprovisioning.IdentityProviderPort;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deprovisioning bench of issue 5 on the embedded PostgreSQL, with the engine's job executor running as configured
 * in {@code application.yml}: signed HR termination events posted over HTTP to the real webhook, through the real case,
 * launcher and BPMN process, to the identity provider's "disable account" call. Prints p50/p95/max from posting an
 * event to its account being disabled, for 200 events posted at {@value #STEADY_RATE} per second and for a burst of
 * 1,000 posted at once, and how many accounts were disabled, cases opened or processes started more than once.
 * <p>
 * The identity provider is NOT Keycloak: {@link RecordingIdentityProvider} records when each account is disabled and
 * stands in for Keycloak's admin API with a fixed delay per call ({@code bench.idp-latency-ms}, default
 * {@value #DEFAULT_IDP_LATENCY_MS} ms). Not part of the test suite (the name does not match Surefire's patterns); run
 * it with {@code ./mvnw -B -pl web -am test -Dtest=DeprovisioningLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the lines starting with {@code BENCH} in {@code web/target/surefire-reports/*-output.txt}.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class,
		DeprovisioningLatencyBench.IdentityProvider.class }, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
				"trunkguard.demo.enabled=false",
				"trunkguard.hr.webhook.secret=" + DeprovisioningLatencyBench.SECRET,
				"logging.level.root=WARN",
				"logging.level.io.trunkguard=WARN" })
@ActiveProfiles("postgres")
class DeprovisioningLatencyBench {

	static final String SECRET = "bench-webhook-secret-0123456789abcdef";
	static final int STEADY = 200;
	static final int STEADY_RATE = 20;
	static final int BURST = 1_000;
	static final int BURST_CLIENTS = 8;
	static final long DEFAULT_IDP_LATENCY_MS = 50;
	static final Duration PATIENCE = Duration.ofMinutes(5);

	@TestConfiguration(proxyBeanMethods = false)
	static class IdentityProvider {

		@Bean
		RecordingIdentityProvider recordingIdentityProvider() {
			return new RecordingIdentityProvider(Long.getLong("bench.idp-latency-ms", DEFAULT_IDP_LATENCY_MS));
		}
	}

	/** Stands in for Keycloak: remembers when each account was first disabled and how often; each call takes a while. */
	static class RecordingIdentityProvider implements IdentityProviderPort {

		final long latencyMillis;
		final Map<String, Long> disabledAtNanos = new ConcurrentHashMap<>();
		final Map<String, AtomicInteger> disableCalls = new ConcurrentHashMap<>();

		RecordingIdentityProvider(long latencyMillis) {
			this.latencyMillis = latencyMillis;
		}

		@Override
		public String name() {
			return "bench-idp";
		}

		@Override
		public boolean disableUser(String username) {
			pause();
			disabledAtNanos.putIfAbsent(username, System.nanoTime());
			disableCalls.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
			return true;
		}

		@Override
		public int logoutUser(String username) {
			pause();
			return 0;
		}

		@Override
		public boolean removeRealmRole(String username, String role) {
			pause();
			return true;
		}

		@Override
		public boolean isDisabled(String username) {
			pause();
			return disabledAtNanos.containsKey(username);
		}

		@Override
		public int activeSessions(String username) {
			pause();
			return 0;
		}

		private void pause() {
			try {
				Thread.sleep(latencyMillis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	RecordingIdentityProvider idp;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void disablesAccountsSoonAfterTheirHrEvent() throws Exception {
		List<String> steady = seed("steady", STEADY);
		List<String> burst = seed("burst", BURST);
		System.out.printf("BENCH settings: identity provider = in-test recorder with %d ms per call (not Keycloak); %s%n",
				idp.latencyMillis, jobExecutorSettings());

		// warm-up: a few events, not counted
		Map<String, Long> warmup = new ConcurrentHashMap<>();
		for (String hrId : seed("warmup", 5)) {
			post(hrId, warmup);
		}
		awaitDisabled(warmup.keySet());

		Map<String, Long> steadySent = new ConcurrentHashMap<>();
		double load = load();
		long start = System.nanoTime();
		for (int i = 0; i < steady.size(); i++) {
			long due = start + i * 1_000_000_000L / STEADY_RATE;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			post(steady.get(i), steadySent);
		}
		report(STEADY + " events at " + STEADY_RATE + "/s", steadySent, start, load);

		Map<String, Long> burstSent = new ConcurrentHashMap<>();
		load = load();
		start = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(BURST_CLIENTS);
		List<Future<?>> posts = new ArrayList<>();
		for (String hrId : burst) {
			posts.add(clients.submit(() -> {
				post(hrId, burstSent);
				return null;
			}));
		}
		for (Future<?> post : posts) {
			post.get(5, TimeUnit.MINUTES);
		}
		clients.shutdown();
		System.out.printf("BENCH burst: %d events posted in %.1f s by %d clients%n", BURST, (System.nanoTime() - start) / 1e9,
				BURST_CLIENTS);
		report("burst of " + BURST + " events", burstSent, start, load);

		long duplicateDisables = idp.disableCalls.values().stream().filter(n -> n.get() > 1).count();
		Integer duplicateCases = jdbc.queryForObject(
				"select count(*) from (select person_id from deprovisioning_case group by person_id having count(*) > 1) d", Integer.class);
		Integer duplicateProcesses = jdbc.queryForObject("""
				select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'deprovisioning'
				group by business_key_ having count(*) > 1) d""", Integer.class);
		Integer unfinished = jdbc.queryForObject(
				"select count(*) from act_hi_procinst where proc_def_key_ = 'deprovisioning' and end_time_ is null", Integer.class);
		System.out.printf("BENCH duplicates: %d accounts disabled more than once, %d people with more than one case, "
				+ "%d cases with more than one process; %d processes not finished at the end%n", duplicateDisables, duplicateCases,
				duplicateProcesses, unfinished);
		assertThat(duplicateDisables).isZero();
		assertThat(duplicateCases).isZero();
		assertThat(duplicateProcesses).isZero();
	}

	void report(String what, Map<String, Long> sent, long start, double loadBefore) throws InterruptedException {
		System.out.printf("BENCH %s: posted in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
		awaitDisabled(sent.keySet());
		List<Long> latencies = new ArrayList<>();
		sent.forEach((username, at) -> {
			Long disabled = idp.disabledAtNanos.get(username);
			if (disabled != null) {
				latencies.add(disabled - at);
			}
		});
		long last = sent.keySet().stream().map(idp.disabledAtNanos::get).filter(java.util.Objects::nonNull).mapToLong(Long::longValue)
				.max().orElse(start);
		System.out.printf("BENCH %s: %d of %d disabled; event -> disabled p50 %.2f s, p95 %.2f s, max %.2f s; all disabled %.1f s "
				+ "after the first post (load average %.2f before, %.2f after)%n", what, latencies.size(), sent.size(),
				percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100), (last - start) / 1e9, loadBefore,
				load());
		System.out.printf("BENCH   %s%n", jobs());
		assertThat(latencies).hasSize(sent.size());
	}

	/** Waits until every account is disabled, at most {@link #PATIENCE} (the report then says how many were not). */
	void awaitDisabled(java.util.Set<String> usernames) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!idp.disabledAtNanos.keySet().containsAll(usernames) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/** Posts the signed termination event of the person with HR id {@code hrId}; records the time under their username. */
	void post(String hrId, Map<String, Long> sent) throws Exception {
		byte[] body = """
				{"eventId": "%s", "hrId": "%s", "effectiveAt": "%s", "type": "termination"}
				""".formatted("evt-" + hrId, hrId, Instant.now()).getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hr/events/termination"))
				.header("Content-Type", "application/json")
				.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
				.header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(SECRET).sign(timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
		sent.put(usernameOf(hrId), System.nanoTime());
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	static String usernameOf(String hrId) {
		return hrId.toLowerCase();
	}

	/** People with one Keycloak-managed grant each (so the process also removes a role); returns their HR ids. */
	List<String> seed(String prefix, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		UUID owner = UUID.randomUUID();
		jdbc.update("""
				insert into person (id, version, hr_id, full_name, email, username, manager_id, department, employment_type,
				    employment_status, start_date, end_date, created_at, updated_at)
				values (?, 0, ?, ?, ?, ?, null, 'Bench', 'EMPLOYEE', 'ACTIVE', ?, null, ?, ?)""", owner, "OWN-" + prefix,
				"Owner " + prefix, "owner-" + prefix + "@bench.test", "owner-" + prefix, java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)),
				now, now);
		UUID system = UUID.randomUUID();
		jdbc.update("""
				insert into access_system (id, version, name, kind, description, owner_id, in_review_scope, connector, reviewer_strategy,
				    created_at, updated_at)
				values (?, 0, ?, 'OTHER', null, ?, true, 'KEYCLOAK', 'SYSTEM_OWNER', ?, ?)""", system, "Bench IdP " + prefix, owner, now,
				now);
		List<String> hrIds = new ArrayList<>();
		List<Object[]> people = new ArrayList<>();
		List<Object[]> grants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String hrId = "HR-" + prefix + "-" + i;
			UUID id = UUID.randomUUID();
			hrIds.add(hrId);
			people.add(new Object[] { id, hrId, "Person " + hrId, usernameOf(hrId) + "@bench.test", usernameOf(hrId),
					java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)), now, now });
			grants.add(new Object[] { UUID.randomUUID(), id, system, "voice-admin", true, now });
		}
		jdbc.batchUpdate("""
				insert into person (id, version, hr_id, full_name, email, username, manager_id, department, employment_type,
				    employment_status, start_date, end_date, created_at, updated_at)
				values (?, 0, ?, ?, ?, ?, null, 'Bench', 'EMPLOYEE', 'ACTIVE', ?, null, ?, ?)""", people);
		jdbc.batchUpdate("""
				insert into access_grant (id, version, person_id, system_id, entitlement, privileged, granted_at, granted_by,
				    last_used_at, status)
				values (?, 0, ?, ?, ?, ?, ?, 'bench', null, 'ACTIVE')""", grants);
		return hrIds;
	}

	/** How many jobs wait, per step: what the job executor still has to do. */
	String jobs() {
		return "jobs waiting per step: " + jdbc.queryForList("select coalesce(d.act_id_, '?') || '=' || count(*) from act_ru_job j "
				+ "left join act_ru_jobdef d on d.id_ = j.job_def_id_ group by d.act_id_ order by 1", String.class);
	}

	String jobExecutorSettings() {
		StringBuilder out = new StringBuilder("job executor:");
		for (String key : List.of("wait-time-in-millis", "max-wait", "core-pool-size", "max-pool-size", "queue-capacity",
				"max-jobs-per-acquisition", "lock-time-in-millis")) {
			out.append(' ').append(key).append('=').append(environment.getProperty("camunda.bpm.job-execution." + key, "(default)"));
		}
		return out.toString();
	}

	@Autowired
	org.springframework.core.env.Environment environment;

	static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))) / 1e9;
	}
}
