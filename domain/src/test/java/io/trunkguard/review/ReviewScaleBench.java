package io.trunkguard.review;

import io.trunkguard.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale bench of issue 4 on the embedded PostgreSQL: 10,000 people x 5 grants (50,000
 * items) frozen and routed in one campaign, a 500-item inbox page, and 50 reviewers
 * deciding concurrently. Not part of the test suite (the name does not match Surefire's
 * patterns); run it with {@code ./mvnw -B -pl domain test -Dtest=ReviewScaleBench
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the figures it prints
 * ({@code grep BENCH domain/target/surefire-reports/*ReviewScaleBench-output.txt}).
 * <p>
 * Durable mode: add {@code -Dtrunkguard.test.postgres.durable=true} and the embedded
 * server runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * on, as a production server does (the embedded default has all three off); the bench
 * prints the settings it ran with and the load average.
 */
@PostgresIntegrationTest
class ReviewScaleBench {

	static final int PEOPLE = 10_000;
	static final int MANAGERS = 200;

	/**
	 * Even systems are reviewed by their owner, odd ones by the holder's manager; a
	 * person holds five of one kind.
	 */
	static final int SYSTEMS = 10;
	static final int GRANTS_PER_PERSON = 5;
	static final int REVIEWERS = 50;
	static final Duration DECIDING = Duration.ofSeconds(20);

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewDecisionService decisions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void freezesRoutesAndDecidesFiftyThousandItems() throws Exception {
		System.out.printf("BENCH server: fsync=%s, synchronous_commit=%s, full_page_writes=%s; load %s%n",
				setting("fsync"), setting("synchronous_commit"), setting("full_page_writes"), load());
		seed();

		long t0 = System.nanoTime();
		ReviewCampaign campaign = lifecycle.start("Bench review", Instant.now().plus(Duration.ofDays(14)),
				UnansweredRule.CARRY_OVER, "bench data", "bench");
		double freezeSeconds = (System.nanoTime() - t0) / 1e9;
		assertThat(campaign.getItemCount()).isGreaterThanOrEqualTo(PEOPLE * GRANTS_PER_PERSON);
		System.out.printf("BENCH freeze+route: %d items, %d reviewers in %.2f s%n", campaign.getItemCount(),
				queries.reviewers(campaign.getId()).size(), freezeSeconds);

		// the statistics autovacuum would gather soon after a freeze of this size:
		// without them the planner takes the
		// owner's 5,000 items for one row and sorts them for every page instead of
		// reading them in order
		jdbc.execute("analyze review_item");

		// an owner's inbox: 500 items on one page
		List<Long> inboxNanos = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			long s = System.nanoTime();
			int size = queries
				.inbox(campaign.getId(), "owner-0", InboxFilter.none(), PageRequest.of(0, 500, ReviewItems.BY_SYSTEM))
				.getNumberOfElements();
			inboxNanos.add(System.nanoTime() - s);
			assertThat(size).isEqualTo(500);
		}
		System.out.printf("BENCH inbox page of 500 items (domain query): p50 %.1f ms, p95 %.1f ms%n",
				percentile(inboxNanos.subList(10, 60), 50), percentile(inboxNanos.subList(10, 60), 95));

		explain("inbox page",
				"select * from review_item where campaign_id = ? and reviewer_username = 'owner-0' "
						+ "order by system_name, person_name, entitlement offset 0 rows fetch first 500 rows only",
				campaign);
		explain("inbox count",
				"select count(*) from review_item where campaign_id = ? and reviewer_username = 'owner-0'", campaign);

		// one reviewer alone, one item per call: the latency without contention
		List<ReviewItemId> solo = queries.inbox(campaign.getId(), "mgr-199", InboxFilter.none(), PageRequest.of(0, 100))
			.map(ReviewItem::getId)
			.getContent();
		List<Long> soloNanos = new ArrayList<>();
		for (ReviewItemId item : solo) {
			long s = System.nanoTime();
			decisions.decide(List.of(item), Decision.KEEP, null, "still in the team", "mgr-199");
			soloNanos.add(System.nanoTime() - s);
		}
		System.out.printf("BENCH 1 reviewer deciding one item per call: p50 %.1f ms, p95 %.1f ms%n",
				percentile(soloNanos.subList(20, solo.size()), 50), percentile(soloNanos.subList(20, solo.size()), 95));

		decideConcurrently(campaign, 0, 1);
		decideConcurrently(campaign, 100, 10);
		assertThat(queries.progress(campaign.getId()).decided()).isPositive();
	}

	/**
	 * 50 reviewers (managers {@code mgr-<first>..}) decide their items concurrently,
	 * {@code batch} items per call.
	 */
	void decideConcurrently(ReviewCampaign campaign, int first, int batch) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long deadline = System.nanoTime() + DECIDING.toNanos();
		List<Future<Integer>> results = new ArrayList<>();
		LockWaitSampler waits = LockWaitSampler.start(jdbc);
		long start = System.nanoTime();
		for (int r = 0; r < REVIEWERS; r++) {
			String reviewer = "mgr-" + (first + r);
			results.add(pool.submit(() -> {
				List<ReviewItemId> mine = queries
					.inbox(campaign.getId(), reviewer, InboxFilter.none(), PageRequest.of(0, 500))
					.map(ReviewItem::getId)
					.getContent();
				int done = 0;
				for (int i = 0; i < mine.size() && System.nanoTime() < deadline; i += batch) {
					List<ReviewItemId> chunk = mine.subList(i, Math.min(mine.size(), i + batch));
					long s = System.nanoTime();
					decisions.decide(chunk, Decision.KEEP, null, "still in the team", reviewer);
					latencies.add(System.nanoTime() - s);
					done += chunk.size();
				}
				return done;
			}));
		}
		int decided = 0;
		for (Future<Integer> result : results) {
			decided += result.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String lockWaits = waits.stop();
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		List<Long> all = new ArrayList<>(latencies);
		System.out.printf(
				"BENCH %d reviewers deciding %d item(s) per call: %d decisions in %.1f s = %.0f decisions/s, "
						+ "request p50 %.1f ms, p95 %.1f ms%n",
				REVIEWERS, batch, decided, seconds, decided / seconds, percentile(all, 50), percentile(all, 95));
		System.out.printf("BENCH   lock waits while deciding %d item(s) per call: %s%n", batch, lockWaits);
		System.out.printf("BENCH   load after deciding %d item(s) per call: %s%n", batch, load());
	}

	String setting(String name) {
		return jdbc.queryForObject("show " + name, String.class);
	}

	static String load() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Paths.get("/proc/loadavg")).strip();
		}
		catch (java.io.IOException e) {
			return "unknown";
		}
	}

	/**
	 * Prints PostgreSQL's plan of {@code sql} (one campaign id parameter) with the actual
	 * times.
	 */
	void explain(String what, String sql, ReviewCampaign campaign) {
		List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + sql, String.class,
				campaign.getId().value());
		plan.forEach(line -> System.out.printf("BENCH   plan of %s: %s%n", what, line));
	}

	static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	/**
	 * People, systems and grants written with plain batched SQL (the bench measures the
	 * campaign, not the seeding).
	 */
	void seed() {
		Random random = new Random(4);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> people = new ArrayList<>();
		List<UUID> managers = new ArrayList<>();
		List<UUID> owners = new ArrayList<>();
		for (int i = 0; i < SYSTEMS; i++) {
			UUID id = UUID.randomUUID();
			owners.add(id);
			people.add(person(id, "OWN-" + i, "owner-" + i, null, now));
		}
		for (int i = 0; i < MANAGERS; i++) {
			UUID id = UUID.randomUUID();
			managers.add(id);
			people.add(person(id, "MGR-" + i, "mgr-" + i, null, now));
		}
		List<UUID> staff = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			UUID id = UUID.randomUUID();
			staff.add(id);
			people.add(person(id, "EMP-" + i, "emp-" + i, managers.get(i % MANAGERS), now));
		}
		jdbc.batchUpdate(
				"""
						insert into person (id, version, hr_id, full_name, email, username, manager_id, department, employment_type,
						    employment_status, start_date, end_date, created_at, updated_at)
						values (?, 0, ?, ?, ?, ?, ?, 'Bench', 'EMPLOYEE', 'ACTIVE', ?, null, ?, ?)""",
				people);
		List<Object[]> systems = new ArrayList<>();
		List<UUID> systemIds = new ArrayList<>();
		for (int i = 0; i < SYSTEMS; i++) {
			UUID id = UUID.randomUUID();
			systemIds.add(id);
			systems.add(new Object[] { id, "Bench system " + i + " " + id, owners.get(i),
					i % 2 == 0 ? "SYSTEM_OWNER" : "MANAGER", now, now });
		}
		jdbc.batchUpdate(
				"""
						insert into access_system (id, version, name, kind, description, owner_id, in_review_scope, connector, reviewer_strategy,
						    created_at, updated_at)
						values (?, 0, ?, 'OTHER', null, ?, true, 'MANUAL', ?, ?, ?)""",
				systems);
		List<Object[]> grants = new ArrayList<>();
		for (int p = 0; p < staff.size(); p++) {
			UUID person = staff.get(p);
			for (int g = 0; g < GRANTS_PER_PERSON; g++) {
				Timestamp used = random.nextInt(4) == 0 ? null
						: Timestamp.from(Instant.now().minus(Duration.ofDays(random.nextInt(200))));
				grants.add(new Object[] { UUID.randomUUID(), person, systemIds.get(g * 2 + p % 2), "role-" + g,
						random.nextInt(10) == 0, Timestamp.from(Instant.now().minus(Duration.ofDays(400))), used });
			}
		}
		jdbc.batchUpdate(
				"""
						insert into access_grant (id, version, person_id, system_id, entitlement, privileged, granted_at, granted_by,
						    last_used_at, status)
						values (?, 0, ?, ?, ?, ?, ?, 'bench', ?, 'ACTIVE')""",
				grants);
	}

	static Object[] person(UUID id, String hrId, String username, UUID manager, Timestamp now) {
		return new Object[] { id, hrId + "-" + id.toString().substring(0, 8), "Person " + hrId,
				username + "@bench.test", username, manager, java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)), now,
				now };
	}

}
