package io.trunkguard.deprovisioning.hr;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.IdentityProviderPort;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import io.trunkguard.testsupport.KeycloakServer;
import jakarta.ws.rs.core.Response;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
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
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deprovisioning bench of issue 5 on the embedded PostgreSQL, with the engine's job
 * executor running as configured in {@code application.yml}: signed HR termination events
 * posted over HTTP to the real webhook, through the real case, launcher and BPMN process,
 * to the identity provider's "disable account" call. Prints p50/p95/max from posting an
 * event to its account being disabled, for 200 events posted at {@value #STEADY_RATE} per
 * second and for a burst of 1,000 posted at once, and how many accounts were disabled,
 * cases opened or processes started more than once.
 * <p>
 * Two identity providers, chosen with the system property {@code bench.idp}:
 * <ul>
 * <li>{@code keycloak}: the real Keycloak of the web tests ({@link KeycloakServer},
 * started once per JVM) through the real adapter
 * ({@code io.trunkguard.deprovisioning.integration.KeycloakIdentityProvider}, the service
 * account {@code trunkguard-admin}). The 1,205 accounts are created beforehand through
 * the admin API (in parallel, not timed), each holding the realm role its grant names.
 * The adapter bean is wrapped by {@link ObservingIdentityProvider}, which only delegates
 * and notes when its {@code disableUser} call returned true (the adapter reads the change
 * back before it returns): that is the "account disabled" instant. After the burst every
 * account is read back from Keycloak.</li>
 * <li>anything else (the default, {@code stub}): {@link RecordingIdentityProvider}
 * records when each account is disabled and stands in for Keycloak's admin API with a
 * fixed delay per call ({@code bench.idp-latency-ms}, default
 * {@value #DEFAULT_IDP_LATENCY_MS} ms).</li>
 * </ul>
 * For each phase it also prints the intake (events per second and how long each POST took
 * to be answered), the CPU used by the application, Keycloak and PostgreSQL, the
 * connection pool's waiting threads, the jobs due and not yet taken, what the active
 * database sessions waited for, and the mean and longest duration of every
 * deprovisioning-service call and identity-provider call ({@link Timings}); after the
 * burst it checks that the times the cases recorded agree with what the bench saw
 * ({@link #recordedFiguresAreTrue}).
 * <p>
 * Not part of the test suite (the name does not match Surefire's patterns); run it with
 * {@code ./mvnw -B -pl web -am test -Dtest=DeprovisioningLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dbench.idp=keycloak} for Keycloak) and read the lines starting with
 * {@code BENCH} in {@code web/target/surefire-reports/*-output.txt}.
 * {@code -Dbench.steady=N} and {@code -Dbench.burst=N} change the number of events (200
 * and 1,000) for a shorter run; {@code -Dbench.pool=N} the connection pool (20, the
 * application's default {@code TRUNKGUARD_DB_POOL_SIZE}).
 */
@SpringBootTest(
		classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class,
				DeprovisioningLatencyBench.IdentityProvider.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "trunkguard.demo.enabled=false", "trunkguard.test.db-pool-size=${bench.pool:20}",
				"trunkguard.hr.webhook.secret=" + DeprovisioningLatencyBench.SECRET, "logging.level.root=WARN",
				"logging.level.io.trunkguard=WARN" })
@ActiveProfiles("postgres")
class DeprovisioningLatencyBench {

	static final String SECRET = "bench-webhook-secret-0123456789abcdef";
	static final int STEADY = Integer.getInteger("bench.steady", 200);
	static final int STEADY_RATE = 20;
	static final int BURST = Integer.getInteger("bench.burst", 1_000);
	static final int BURST_CLIENTS = 8;
	static final long DEFAULT_IDP_LATENCY_MS = 50;
	static final Duration PATIENCE = Duration.ofMinutes(5);

	/**
	 * The realm role each bench person's grant names, held by their Keycloak account (so
	 * the role removal really removes).
	 */
	static final String ENTITLEMENT = "reviewer";
	static final int SETUP_THREADS = 8;

	static boolean onKeycloak() {
		return "keycloak".equals(System.getProperty("bench.idp"));
	}

	/**
	 * With {@code -Dbench.idp=keycloak}: the application acts on the tests' real
	 * Keycloak, like KeycloakAdminApplicationTest.
	 */
	@DynamicPropertySource
	static void keycloakProperties(DynamicPropertyRegistry registry) {
		if (!onKeycloak()) {
			return;
		}
		KeycloakServer keycloak = KeycloakServer.get();
		registry.add("trunkguard.keycloak.url", keycloak::baseUrl);
		registry.add("trunkguard.keycloak.realm", () -> KeycloakServer.REALM);
		registry.add("trunkguard.keycloak.client.id", () -> KeycloakServer.ADMIN_CLIENT_ID);
		registry.add("trunkguard.keycloak.client.secret", () -> KeycloakServer.ADMIN_CLIENT_SECRET);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IdentityProvider {

		@Bean
		static DisableLog disableLog() {
			return new DisableLog();
		}

		@Bean
		static Timings timings() {
			return new Timings();
		}

		@Bean
		@ConditionalOnProperty(name = "bench.idp", havingValue = "keycloak", matchIfMissing = false)
		static BeanPostProcessor observeTheKeycloakAdapter(ObjectProvider<DisableLog> log,
				ObjectProvider<Timings> timings) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof IdentityProviderPort port && !(bean instanceof ObservingIdentityProvider)
							? new ObservingIdentityProvider(port, log.getObject(), timings.getObject()) : bean;
				}
			};
		}

		/**
		 * Times every call of the deprovisioning service (the webhook's receipt, the
		 * process steps) without changing it: an advice added to its transactional proxy.
		 */
		@Bean
		static BeanPostProcessor timeTheDeprovisioningService(ObjectProvider<Timings> timings) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DeprovisioningService && bean instanceof Advised advised) {
						advised.addAdvice(0, (MethodInterceptor) invocation -> timings.getObject()
							.time("service." + invocation.getMethod().getName(), invocation::proceed));
					}
					return bean;
				}
			};
		}

		@Bean
		@ConditionalOnProperty(name = "bench.idp", havingValue = "stub", matchIfMissing = true)
		RecordingIdentityProvider recordingIdentityProvider(DisableLog log) {
			return new RecordingIdentityProvider(Long.getLong("bench.idp-latency-ms", DEFAULT_IDP_LATENCY_MS), log);
		}

	}

	/**
	 * When each account was first disabled (the moment the identity provider's disable
	 * call returned) and how often.
	 */
	static class DisableLog {

		final Map<String, Long> disabledAtNanos = new ConcurrentHashMap<>();

		final Map<String, Instant> disabledAt = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> disableCalls = new ConcurrentHashMap<>();

		final AtomicInteger missingAccounts = new AtomicInteger();

		void disabled(String username, boolean existed) {
			if (existed) {
				disabledAtNanos.putIfAbsent(username, System.nanoTime());
				disabledAt.putIfAbsent(username, Instant.now());
			}
			else {
				missingAccounts.incrementAndGet();
			}
			disableCalls.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
		}

	}

	/**
	 * The real adapter, observed: every call is delegated unchanged; a disable is noted
	 * when the adapter returns.
	 */
	record ObservingIdentityProvider(IdentityProviderPort adapter, DisableLog log,
			Timings timings) implements IdentityProviderPort {

		@Override
		public String name() {
			return adapter.name();
		}

		@Override
		public boolean disableUser(String username) {
			boolean existed = timings.time("keycloak.disableUser", () -> adapter.disableUser(username));
			log.disabled(username, existed);
			return existed;
		}

		@Override
		public int logoutUser(String username) {
			return timings.time("keycloak.logoutUser", () -> adapter.logoutUser(username));
		}

		@Override
		public boolean removeRealmRole(String username, String role) {
			return timings.time("keycloak.removeRealmRole", () -> adapter.removeRealmRole(username, role));
		}

		@Override
		public boolean isPrivileged(String username) {
			return timings.time("keycloak.isPrivileged", () -> adapter.isPrivileged(username));
		}

		@Override
		public boolean isDisabled(String username) {
			return timings.time("keycloak.isDisabled", () -> adapter.isDisabled(username));
		}

		@Override
		public int activeSessions(String username) {
			return timings.time("keycloak.activeSessions", () -> adapter.activeSessions(username));
		}
	}

	/** Count, total and longest duration of named calls, reset per phase. */
	static class Timings {

		interface Call<T> {

			T call() throws Throwable;

		}

		record Stat(java.util.concurrent.atomic.LongAdder count, java.util.concurrent.atomic.LongAdder nanos,
				java.util.concurrent.atomic.LongAccumulator max) {
		}

		final Map<String, Stat> stats = new ConcurrentHashMap<>();

		<T> T time(String name, Call<T> call) {
			long start = System.nanoTime();
			try {
				return call.call();
			}
			catch (RuntimeException | Error e) {
				throw e;
			}
			catch (Throwable e) {
				throw new IllegalStateException(e);
			}
			finally {
				long took = System.nanoTime() - start;
				Stat stat = stats.computeIfAbsent(name,
						n -> new Stat(new java.util.concurrent.atomic.LongAdder(),
								new java.util.concurrent.atomic.LongAdder(),
								new java.util.concurrent.atomic.LongAccumulator(Math::max, 0)));
				stat.count().increment();
				stat.nanos().add(took);
				stat.max().accumulate(took);
			}
		}

		String summary() {
			StringBuilder out = new StringBuilder();
			new java.util.TreeMap<>(stats).forEach((name, stat) -> {
				long n = stat.count().sum();
				out.append(String.format("%s n=%d mean %.1f ms max %.0f ms; ", name, n,
						n == 0 ? 0 : stat.nanos().sum() / 1e6 / n, stat.max().get() / 1e6));
			});
			return out.toString();
		}

	}

	/**
	 * Stands in for Keycloak: remembers when each account was first disabled and how
	 * often; each call takes a while.
	 */
	static class RecordingIdentityProvider implements IdentityProviderPort {

		final long latencyMillis;

		final DisableLog log;

		RecordingIdentityProvider(long latencyMillis, DisableLog log) {
			this.latencyMillis = latencyMillis;
			this.log = log;
		}

		@Override
		public String name() {
			return "bench-idp";
		}

		@Override
		public boolean disableUser(String username) {
			pause();
			log.disabled(username, true);
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
			return log.disabledAtNanos.containsKey(username);
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
	DisableLog idp;

	@Autowired
	ObjectProvider<IdentityProviderPort> identityProvider;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** How long each POST of the running phase took to be answered. */
	final List<Long> answers = Collections.synchronizedList(new ArrayList<>());

	/** When each person's POST was sent and answered (wall clock), by username. */
	final Map<String, Instant[]> postedAt = new ConcurrentHashMap<>();

	@Autowired
	Timings timings;

	@Autowired
	DataSource dataSource;

	/**
	 * Where the time of one phase went, sampled every 100 ms: the connection pool
	 * (threads waiting for a connection, connections in use), the jobs due and not yet
	 * taken by the job executor, and what the database sessions were waiting for (from a
	 * connection of its own, outside the pool); plus the CPU the application, Keycloak
	 * and PostgreSQL used.
	 */
	final class Phase {

		final long start = System.nanoTime();

		final double load = load();

		final Map<String, Duration> cpu = cpu();

		final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);

		final Map<String, Long> waits = new ConcurrentHashMap<>();

		long samples;

		long waitingThreads;

		long maxWaitingThreads;

		long activeConnections;

		long maxJobsDue;

		/**
		 * The most deliveries recorded by the intake and not yet written to their cases.
		 */
		long maxIntakePending;

		final Thread thread;

		Phase() {
			timings.stats.clear();
			answers.clear();
			thread = new Thread(this::sample, "bench-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		private void sample() {
			com.zaxxer.hikari.HikariDataSource hikari;
			try {
				hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
			try (java.sql.Connection own = java.sql.DriverManager.getConnection(hikari.getJdbcUrl(),
					hikari.getUsername(), hikari.getPassword())) {
				int tick = 0;
				while (running.get()) {
					var pool = hikari.getHikariPoolMXBean();
					synchronized (this) {
						samples++;
						waitingThreads += pool.getThreadsAwaitingConnection();
						maxWaitingThreads = Math.max(maxWaitingThreads, pool.getThreadsAwaitingConnection());
						activeConnections += pool.getActiveConnections();
					}
					if (tick++ % 5 == 0) {
						try (var st = own.createStatement(); var rs = st.executeQuery("""
								select coalesce(wait_event_type || ':' || wait_event, 'cpu') || ' in '
								       || regexp_replace(left(query, 50), '\\s+', ' ', 'g')
								from pg_stat_activity
								where datname = current_database() and pid <> pg_backend_pid()
								  and backend_type = 'client backend' and state = 'active'""")) {
							while (rs.next()) {
								waits.merge(rs.getString(1), 1L, Long::sum);
							}
						}
						try (var st = own.createStatement();
								var rs = st.executeQuery(
										"select count(*) from act_ru_job where lock_owner_ is null and retries_ > 0 "
												+ "and (duedate_ is null or duedate_ <= now())")) {
							rs.next();
							synchronized (this) {
								maxJobsDue = Math.max(maxJobsDue, rs.getLong(1));
							}
						}
						try (var st = own.createStatement();
								var rs = st.executeQuery("select count(*) from termination_intake")) {
							rs.next();
							synchronized (this) {
								maxIntakePending = Math.max(maxIntakePending, rs.getLong(1));
							}
						}
					}
					Thread.sleep(100);
				}
			}
			catch (Exception e) {
				System.out.println("BENCH sampler stopped: " + e);
			}
		}

		/** Stops sampling and prints where the time went. */
		void print(String what) throws Exception {
			running.set(false);
			thread.join(5_000);
			double wall = (System.nanoTime() - start) / 1e9;
			Map<String, Duration> now = cpu();
			double app = (now.get("app").minus(cpu.get("app"))).toMillis() / 1e3;
			double kc = (now.get("keycloak").minus(cpu.get("keycloak"))).toMillis() / 1e3;
			double pg = (now.get("postgres").minus(cpu.get("postgres"))).toMillis() / 1e3;
			System.out.printf(
					"BENCH %s: CPU over %.1f s: application %.1f s, Keycloak %.1f s, PostgreSQL %.1f s (together %.0f%% "
							+ "of %d cores); load average %.2f before, %.2f after%n",
					what, wall, app, kc, pg, 100 * (app + kc + pg) / wall / Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors(), load, load());
			synchronized (this) {
				System.out.printf(
						"BENCH %s: connection pool: threads waiting for a connection mean %.2f, max %d; connections "
								+ "in use mean %.1f of %d; jobs due and not taken max %d; deliveries waiting for the "
								+ "intake worker max %d%n",
						what, samples == 0 ? 0 : (double) waitingThreads / samples, maxWaitingThreads,
						samples == 0 ? 0 : (double) activeConnections / samples,
						dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize(), maxJobsDue,
						maxIntakePending);
			}
			System.out.printf("BENCH %s: timings: %s%n", what, timings.summary());
			long total = waits.values().stream().mapToLong(Long::longValue).sum();
			System.out.printf("BENCH %s: active database sessions by wait (%d session samples): %s%n", what, total,
					waits.entrySet()
						.stream()
						.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
						.limit(8)
						.map(e -> e.getValue() + "x " + e.getKey())
						.toList());
		}

	}

	/**
	 * CPU used so far by this JVM (the application and the bench's clients), by Keycloak
	 * and by the embedded PostgreSQL (this JVM's other child processes).
	 */
	Map<String, Duration> cpu() {
		Duration app = Duration
			.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime());
		Duration keycloak = onKeycloak() ? KeycloakServer.get().cpuTime() : Duration.ZERO;
		Duration all = ProcessHandle.current()
			.descendants()
			.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
		return Map.of("app", app, "keycloak", keycloak, "postgres", all.minus(keycloak));
	}

	void printAnswers(String what, int events, long start, long end) {
		List<Long> took = new ArrayList<>(answers);
		System.out.printf(
				"BENCH %s: intake %d events in %.1f s = %.1f events/s; answered p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
				what, events, (end - start) / 1e9, events / ((end - start) / 1e9), percentile(took, 50) * 1e3,
				percentile(took, 95) * 1e3, percentile(took, 100) * 1e3);
	}

	@Test
	void disablesAccountsSoonAfterTheirHrEvent() throws Exception {
		List<String> steady = seed("steady", STEADY);
		List<String> burst = seed("burst", BURST);
		List<String> warmupPeople = seed("warmup", 5);
		IdentityProviderPort port = identityProvider.getIfUnique();
		assertThat(port).as("exactly one identity provider").isNotNull();
		if (onKeycloak()) {
			assertThat(port).isInstanceOf(ObservingIdentityProvider.class);
			assertThat(port.name()).isEqualTo("keycloak");
			List<String> all = new ArrayList<>(warmupPeople);
			all.addAll(steady);
			all.addAll(burst);
			long setup = System.nanoTime();
			createKeycloakAccounts(all);
			System.out.printf(
					"BENCH settings: identity provider = real Keycloak at %s through the adapter %s (observed, not faked); "
							+ "%d accounts created with realm role %s in %.1f s (not timed); %s%n",
					KeycloakServer.get().baseUrl(),
					((ObservingIdentityProvider) port).adapter().getClass().getSimpleName(), all.size(), ENTITLEMENT,
					(System.nanoTime() - setup) / 1e9, jobExecutorSettings());
		}
		else {
			System.out.printf(
					"BENCH settings: identity provider = in-test recorder with %d ms per call (not Keycloak); %s%n",
					((RecordingIdentityProvider) port).latencyMillis, jobExecutorSettings());
		}

		// warm-up: a few events, not counted
		Map<String, Long> warmup = new ConcurrentHashMap<>();
		for (String hrId : warmupPeople) {
			post(hrId, warmup);
		}
		awaitDisabled(warmup.keySet());

		Map<String, Long> steadySent = new ConcurrentHashMap<>();
		double load = load();
		Phase steadyPhase = new Phase();
		long start = System.nanoTime();
		for (int i = 0; i < steady.size(); i++) {
			long due = start + i * 1_000_000_000L / STEADY_RATE;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			post(steady.get(i), steadySent);
		}
		String steadyName = STEADY + " events at " + STEADY_RATE + "/s";
		printAnswers(steadyName, STEADY, start, System.nanoTime());
		report(steadyName, steadySent, start, load);
		steadyPhase.print(steadyName);
		duplicates();

		Map<String, Long> burstSent = new ConcurrentHashMap<>();
		load = load();
		Phase burstPhase = new Phase();
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
		String burstName = "burst of " + BURST + " events from " + BURST_CLIENTS + " clients";
		printAnswers(burstName, BURST, start, System.nanoTime());
		report(burstName, burstSent, start, load);
		burstPhase.print(burstName);
		duplicates();
		recordedFiguresAreTrue("HR-burst-%");
		assertThat(idp.missingAccounts).as("disable calls for accounts Keycloak did not have").hasValue(0);
		if (onKeycloak()) {
			List<String> all = new ArrayList<>(steady);
			all.addAll(burst);
			Map<String, Boolean> enabled = keycloakEnabled("hr-");
			long disabledInKeycloak = all.stream()
				.map(BENCH_USERNAME)
				.filter(u -> Boolean.FALSE.equals(enabled.get(u)))
				.count();
			long missing = all.stream().map(BENCH_USERNAME).filter(u -> !enabled.containsKey(u)).count();
			System.out.printf(
					"BENCH keycloak: %d of %d accounts disabled when read back from Keycloak (%d not found)%n",
					disabledInKeycloak, all.size(), missing);
			assertThat(disabledInKeycloak).isEqualTo(all.size());
		}
	}

	/**
	 * Checks that what the cases recorded (the SLA clock and time to deprovision are
	 * computed from these) agrees with what the bench saw: each case's receipt time lies
	 * within its POST (sent .. answered), and its "account disabled" step is recorded no
	 * earlier than Keycloak's disable call returned. Prints the recorded receipt ->
	 * disabled times.
	 */
	void recordedFiguresAreTrue(String hrIds) throws InterruptedException {
		// the processes record the disables when Camunda's jobs run again: those wait
		// while
		// disables queue up (IntakePressure), so give them time to catch up
		long waitStarted = System.nanoTime();
		long deadline = waitStarted + TimeUnit.MINUTES.toNanos(3);
		Integer cases = jdbc.queryForObject("select count(*) from deprovisioning_case where hr_id like ?",
				Integer.class, hrIds);
		while (System.nanoTime() - deadline < 0 && !Objects.equals(cases,
				jdbc.queryForObject(
						"select count(*) from deprovisioning_step s join deprovisioning_case c on c.id = s.case_id "
								+ "where s.kind = 'ACCOUNT_DISABLED' and c.hr_id like ?",
						Integer.class, hrIds))) {
			Thread.sleep(500);
		}
		System.out.printf("BENCH recorded figures (%s): waited %.1f s for the processes to record their disables%n",
				hrIds, (System.nanoTime() - waitStarted) / 1e9);
		List<Map<String, Object>> rows = jdbc.queryForList(
				"""
						select c.username, c.received_at, s.done_at
						from deprovisioning_case c join deprovisioning_step s on s.case_id = c.id and s.kind = 'ACCOUNT_DISABLED'
						where c.hr_id like ?""",
				hrIds);
		long receiptOutsidePost = 0;
		long disabledTooEarly = 0;
		List<Long> recorded = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			String username = (String) row.get("username");
			Instant received = ((java.sql.Timestamp) row.get("received_at")).toInstant();
			Instant done = ((java.sql.Timestamp) row.get("done_at")).toInstant();
			Instant[] post = postedAt.get(username);
			if (post == null || received.isBefore(post[0].minusMillis(2)) || received.isAfter(post[1].plusMillis(2))) {
				receiptOutsidePost++;
			}
			Instant observed = idp.disabledAt.get(username);
			if (observed != null && done.isBefore(observed.minusMillis(2))) {
				disabledTooEarly++;
			}
			recorded.add(Duration.between(received, done).toNanos());
		}
		System.out
			.printf("BENCH recorded figures (%s): %d cases with an account-disabled step; receipt outside its POST: %d; "
					+ "disabled recorded before Keycloak's call returned: %d; recorded receipt -> disabled p50 %.2f s, "
					+ "p95 %.2f s, max %.2f s%n", hrIds, rows.size(), receiptOutsidePost, disabledTooEarly,
					percentile(recorded, 50), percentile(recorded, 95), percentile(recorded, 100));
		assertThat(receiptOutsidePost).isZero();
		assertThat(disabledTooEarly).isZero();
	}

	/**
	 * Counts what was done more than once: accounts disabled, cases per person, processes
	 * per case.
	 */
	void duplicates() {
		long duplicateDisables = idp.disableCalls.values().stream().filter(n -> n.get() > 1).count();
		Integer duplicateCases = jdbc.queryForObject(
				"select count(*) from (select person_id from deprovisioning_case group by person_id having count(*) > 1) d",
				Integer.class);
		Integer duplicateProcesses = jdbc.queryForObject("""
				select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'deprovisioning'
				group by business_key_ having count(*) > 1) d""", Integer.class);
		Integer unfinished = jdbc.queryForObject(
				"select count(*) from act_hi_procinst where proc_def_key_ = 'deprovisioning' and end_time_ is null",
				Integer.class);
		System.out.printf(
				"BENCH duplicates: %d accounts disabled more than once, %d people with more than one case, "
						+ "%d cases with more than one process; %d processes not finished at the end%n",
				duplicateDisables, duplicateCases, duplicateProcesses, unfinished);
		assertThat(duplicateDisables).isZero();
		assertThat(duplicateCases).isZero();
		assertThat(duplicateProcesses).isZero();
	}

	static final java.util.function.Function<String, String> BENCH_USERNAME = DeprovisioningLatencyBench::usernameOf;

	Keycloak admin() {
		return KeycloakBuilder.builder()
			.serverUrl(KeycloakServer.get().baseUrl())
			.realm(KeycloakServer.REALM)
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(KeycloakServer.ADMIN_CLIENT_ID)
			.clientSecret(KeycloakServer.ADMIN_CLIENT_SECRET)
			.build();
	}

	/**
	 * Creates an enabled Keycloak account holding {@link #ENTITLEMENT} for each HR id,
	 * {@value #SETUP_THREADS} at a time.
	 */
	void createKeycloakAccounts(List<String> hrIds) throws Exception {
		ExecutorService setup = Executors.newFixedThreadPool(SETUP_THREADS);
		try (Keycloak admin = admin()) {
			RealmResource realm = admin.realm(KeycloakServer.REALM);
			RoleRepresentation[] role = new RoleRepresentation[1];
			List<Future<?>> created = new ArrayList<>();
			for (String hrId : hrIds) {
				created.add(setup.submit(() -> {
					UserRepresentation user = new UserRepresentation();
					user.setUsername(usernameOf(hrId));
					user.setEnabled(true);
					user.setEmail(usernameOf(hrId) + "@bench.test");
					user.setFirstName("Bench");
					user.setLastName(hrId);
					String id;
					try (Response response = realm.users().create(user)) {
						assertThat(response.getStatus()).as("create " + hrId).isEqualTo(201);
						id = CreatedResponseUtil.getCreatedId(response);
					}
					RoleRepresentation reviewer;
					synchronized (role) {
						if (role[0] == null) {
							role[0] = realm.users()
								.get(id)
								.roles()
								.realmLevel()
								.listAvailable()
								.stream()
								.filter(r -> r.getName().equals(ENTITLEMENT))
								.findFirst()
								.orElseThrow();
						}
						reviewer = role[0];
					}
					realm.users().get(id).roles().realmLevel().add(List.of(reviewer));
					return null;
				}));
			}
			for (Future<?> f : created) {
				f.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			setup.shutdown();
		}
	}

	/**
	 * Every Keycloak account whose username contains {@code search}, with whether it is
	 * enabled (read page by page).
	 */
	Map<String, Boolean> keycloakEnabled(String search) {
		Map<String, Boolean> enabled = new java.util.HashMap<>();
		try (Keycloak admin = admin()) {
			RealmResource realm = admin.realm(KeycloakServer.REALM);
			for (int first = 0;; first += 500) {
				List<UserRepresentation> page = realm.users().search(search, first, 500, false);
				page.forEach(u -> enabled.put(u.getUsername(), Boolean.TRUE.equals(u.isEnabled())));
				if (page.size() < 500) {
					return enabled;
				}
			}
		}
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
		long last = sent.keySet()
			.stream()
			.map(idp.disabledAtNanos::get)
			.filter(java.util.Objects::nonNull)
			.mapToLong(Long::longValue)
			.max()
			.orElse(start);
		System.out.printf(
				"BENCH %s: %d of %d disabled; event -> disabled p50 %.2f s, p95 %.2f s, max %.2f s; all disabled %.1f s "
						+ "after the first post (load average %.2f before, %.2f after)%n",
				what, latencies.size(), sent.size(), percentile(latencies, 50), percentile(latencies, 95),
				percentile(latencies, 100), (last - start) / 1e9, loadBefore, load());
		System.out.printf("BENCH   %s%n", jobs());
		assertThat(latencies).hasSize(sent.size());
	}

	/**
	 * Waits until every account is disabled, at most {@link #PATIENCE} (the report then
	 * says how many were not).
	 */
	void awaitDisabled(java.util.Set<String> usernames) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!idp.disabledAtNanos.keySet().containsAll(usernames) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/**
	 * Posts the signed termination event of the person with HR id {@code hrId}; records
	 * the time under their username.
	 */
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
		Instant sentAt = Instant.now();
		long at = System.nanoTime();
		sent.put(usernameOf(hrId), at);
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		answers.add(System.nanoTime() - at);
		postedAt.put(usernameOf(hrId), new Instant[] { sentAt, Instant.now() });
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	static String usernameOf(String hrId) {
		return hrId.toLowerCase();
	}

	/**
	 * People with one Keycloak-managed grant each (so the process also removes a role);
	 * returns their HR ids.
	 */
	List<String> seed(String prefix, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		UUID owner = UUID.randomUUID();
		jdbc.update(
				"""
						insert into person (id, version, hr_id, full_name, email, username, manager_id, department, employment_type,
						    employment_status, start_date, end_date, created_at, updated_at)
						values (?, 0, ?, ?, ?, ?, null, 'Bench', 'EMPLOYEE', 'ACTIVE', ?, null, ?, ?)""",
				owner, "OWN-" + prefix, "Owner " + prefix, "owner-" + prefix + "@bench.test", "owner-" + prefix,
				java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)), now, now);
		UUID system = UUID.randomUUID();
		jdbc.update(
				"""
						insert into access_system (id, version, name, kind, description, owner_id, in_review_scope, connector, reviewer_strategy,
						    created_at, updated_at)
						values (?, 0, ?, 'OTHER', null, ?, true, 'KEYCLOAK', 'SYSTEM_OWNER', ?, ?)""",
				system, "Bench IdP " + prefix, owner, now, now);
		List<String> hrIds = new ArrayList<>();
		List<Object[]> people = new ArrayList<>();
		List<Object[]> grants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String hrId = "HR-" + prefix + "-" + i;
			UUID id = UUID.randomUUID();
			hrIds.add(hrId);
			people.add(new Object[] { id, hrId, "Person " + hrId, usernameOf(hrId) + "@bench.test", usernameOf(hrId),
					java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)), now, now });
			grants.add(new Object[] { UUID.randomUUID(), id, system, ENTITLEMENT, true, now });
		}
		jdbc.batchUpdate(
				"""
						insert into person (id, version, hr_id, full_name, email, username, manager_id, department, employment_type,
						    employment_status, start_date, end_date, created_at, updated_at)
						values (?, 0, ?, ?, ?, ?, null, 'Bench', 'EMPLOYEE', 'ACTIVE', ?, null, ?, ?)""",
				people);
		jdbc.batchUpdate(
				"""
						insert into access_grant (id, version, person_id, system_id, entitlement, privileged, granted_at, granted_by,
						    last_used_at, status)
						values (?, 0, ?, ?, ?, ?, ?, 'bench', null, 'ACTIVE')""",
				grants);
		return hrIds;
	}

	/** How many jobs wait, per step: what the job executor still has to do. */
	String jobs() {
		return "jobs waiting per step: " + jdbc.queryForList(
				"select coalesce(d.act_id_, '?') || '=' || count(*) from act_ru_job j "
						+ "left join act_ru_jobdef d on d.id_ = j.job_def_id_ group by d.act_id_ order by 1",
				String.class);
	}

	String jobExecutorSettings() {
		StringBuilder out = new StringBuilder("job executor:");
		for (String key : List.of("wait-time-in-millis", "max-wait", "core-pool-size", "max-pool-size",
				"queue-capacity", "max-jobs-per-acquisition", "lock-time-in-millis")) {
			out.append(' ')
				.append(key)
				.append('=')
				.append(environment.getProperty("camunda.bpm.job-execution." + key, "(default)"));
		}
		return out.toString();
	}

	@Autowired
	org.springframework.core.env.Environment environment;

	static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	static double percentile(List<Long> nanos, int p) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)))
				/ 1e9;
	}

}
