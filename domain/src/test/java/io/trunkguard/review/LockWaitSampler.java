package io.trunkguard.review;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Samples PostgreSQL's {@code pg_stat_activity} every 20 ms while a bench runs: how many
 * of the bench database's sessions are active, and how many of them wait for a lock, with
 * the statement they wait in. For benches only (it uses one connection of the pool for
 * its queries).
 */
final class LockWaitSampler {

	private final JdbcTemplate jdbc;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong active = new AtomicLong();

	private final AtomicLong waiting = new AtomicLong();

	private final Map<String, Long> waitingIn = new ConcurrentHashMap<>();

	private final Thread thread;

	private LockWaitSampler(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.thread = new Thread(this::run, "lock-wait-sampler");
		this.thread.setDaemon(true);
	}

	static LockWaitSampler start(JdbcTemplate jdbc) {
		LockWaitSampler sampler = new LockWaitSampler(jdbc);
		sampler.thread.start();
		return sampler;
	}

	private void run() {
		while (running.get()) {
			jdbc.query(
					"""
							select state = 'active' as active, wait_event_type = 'Lock' as waiting,
							       regexp_replace(left(query, 70), '\\s+', ' ', 'g') as query
							from pg_stat_activity
							where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""",
					row -> {
						if (row.getBoolean("active")) {
							active.incrementAndGet();
						}
						if (row.getBoolean("waiting")) {
							waiting.incrementAndGet();
							waitingIn.merge(row.getString("query"), 1L, Long::sum);
						}
					});
			samples.incrementAndGet();
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Stops sampling; returns the mean number of active and lock-waiting sessions and
	 * where they waited.
	 */
	String stop() throws InterruptedException {
		running.set(false);
		thread.join();
		long n = Math.max(1, samples.get());
		String where = new TreeMap<>(waitingIn).entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(3)
			.map(e -> String.format("%.0f%% in \"%s\"", 100.0 * e.getValue() / Math.max(1, waiting.get()), e.getKey()))
			.collect(Collectors.joining("; "));
		return String.format("%d samples, mean %.1f active sessions, %.1f of them waiting for a lock%s", samples.get(),
				(double) active.get() / n, (double) waiting.get() / n, where.isEmpty() ? "" : " (" + where + ")");
	}

}
