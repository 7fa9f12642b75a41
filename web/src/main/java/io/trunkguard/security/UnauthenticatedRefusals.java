package io.trunkguard.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.trunkguard.audit.AuditTrail;

/**
 * Audits refused requests that carry no valid credentials (failed logins, forged
 * webhooks, wrong SCIM tokens) without letting anyone flood the append-only trail: the
 * first refusal of a kind ({@code action}) from one source address is written at once;
 * further ones from that source within the window are counted, and when the window ends
 * one entry records how many there were, from when to when, with a few examples. Nothing
 * is lost but the repetition.
 *
 * <p>
 * The counts live in the database (table {@code refusal_count}), shared by every node: an
 * attacker alternating nodes gets one first entry per window, not one per node, and a
 * node that crashes loses no count. A refusal is counted under its row's lock in the same
 * transaction as the audit entry it may write; an ended window is closed (its count
 * written, its row deleted) by whichever node locks it first, so each count is written
 * once.
 *
 * <p>
 * At most {@code maxSources} windows are open at once; beyond that, refusals of the same
 * kind from further sources share one counter ({@code source = "other addresses"}), so
 * that the table and the trail stay bounded under a distributed attack too.
 */
public class UnauthenticatedRefusals implements DisposableBean {

	public static final String ANONYMOUS = "anonymous";

	static final String OTHER_SOURCES = "other addresses";

	private static final Logger log = LoggerFactory.getLogger(UnauthenticatedRefusals.class);

	private static final int MAX_EXAMPLES = 10;

	private static final int MAX_EXAMPLE = 100;

	private static final String SEPARATOR = "\n";

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate ownTransaction;

	private final Duration window;

	private final int maxSources;

	private final Clock clock;

	private final ScheduledExecutorService flusher;

	private record Key(String action, String actor, String subjectType, String source) {
	}

	private record Window(Instant opened, Instant last, long repeated, Set<String> examples) {
	}

	UnauthenticatedRefusals(AuditTrail trail, JdbcClient jdbc, PlatformTransactionManager transactions, Duration window,
			int maxSources, Clock clock, boolean flushInBackground) {
		this.trail = trail;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.window = window;
		this.maxSources = maxSources;
		this.clock = clock;
		if (flushInBackground) {
			this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "trunkguard-refusal-counts");
				thread.setDaemon(true);
				return thread;
			});
			long period = Math.max(1000, window.toMillis() / 2);
			this.flusher.scheduleWithFixedDelay(this::flushSafely, period, period, TimeUnit.MILLISECONDS);
		}
		else {
			this.flusher = null;
		}
	}

	/**
	 * Records a refusal from {@code source} (the remote address): written at once if it
	 * is the first of its kind from there within the window, otherwise counted.
	 * @param example a short, non-secret description of this attempt kept among the
	 * examples of the counted entry (a typed user name, a reason), or null
	 */
	public void record(String action, String actor, String subjectType, String source, Map<String, ?> details,
			String example) {
		String from = source == null || source.isBlank() ? "unknown" : cut(source, 200);
		Key wanted = new Key(cut(action, 100), cut(actor, 100), cut(subjectType, 100), from);
		for (int attempt = 0; attempt < 5; attempt++) {
			Instant now = clock.instant();
			Key key = openRow(wanted, now);
			if (Boolean.TRUE.equals(transaction.execute(status -> count(key, now, details, example)))) {
				return;
			}
			// the row was closed by another node between its creation and the lock: again
		}
		throw new IllegalStateException("could not count a refused " + action + " from " + from);
	}

	/**
	 * Counts one refusal under the row's lock; false if the row is gone (closed by
	 * another node meanwhile).
	 */
	private boolean count(Key key, Instant now, Map<String, ?> details, String example) {
		Optional<Window> locked = lock(key, "");
		if (locked.isEmpty()) {
			return false;
		}
		Window open = locked.get();
		if (open.opened() != null && !ended(open, now)) {
			Set<String> examples = new LinkedHashSet<>(open.examples());
			if (example != null && examples.size() < MAX_EXAMPLES) {
				examples.add(cut(example.replace('\n', ' ').replace('\r', ' '), MAX_EXAMPLE));
			}
			jdbc.sql("update refusal_count set repeated = repeated + 1, last_at = ?, examples = ? " + where())
				.param(Timestamp.from(now))
				.param(String.join(SEPARATOR, examples))
				.params(keyParams(key))
				.update();
			return true;
		}
		if (open.opened() != null) {
			writeCount(key, open);
		}
		jdbc.sql("update refusal_count set opened_at = ?, last_at = ?, repeated = 0, examples = '' " + where())
			.param(Timestamp.from(now))
			.param(Timestamp.from(now))
			.params(keyParams(key))
			.update();
		Map<String, Object> first = new LinkedHashMap<>(details);
		first.put("remoteAddress", key.source());
		first.put("repeatsCountedFor", window.toString());
		trail.record(key.actor(), key.action(), key.subjectType(), null, first);
		return true;
	}

	/**
	 * The row to lock, inserted (not yet opened) in a transaction of its own if absent,
	 * so that a node that loses the race (duplicate key) simply locks the winner's row.
	 * Beyond {@code maxSources} open windows the source is counted among the others.
	 */
	private Key openRow(Key wanted, Instant now) {
		if (exists(wanted)) {
			return wanted;
		}
		long open = jdbc.sql("select count(*) from refusal_count").query(Long.class).single();
		Key key = open >= maxSources ? new Key(wanted.action(), wanted.actor(), wanted.subjectType(), OTHER_SOURCES)
				: wanted;
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (!exists(key)) {
					jdbc.sql("insert into refusal_count (action, actor, subject_type, source, opened_at, last_at, "
							+ "repeated, examples) values (?, ?, ?, ?, null, ?, 0, '')")
						.params(keyParams(key))
						.param(Timestamp.from(now))
						.update();
				}
			});
		}
		catch (DuplicateKeyException insertedByAnotherNode) {
			// the row exists: that is all this wanted
		}
		return key;
	}

	/** Writes the counts of every window that has ended. */
	void flush() {
		close(clock.instant().minus(window));
	}

	/** Writes every count now, ended or not (tests). */
	public void flushAll() {
		close(Instant.MAX);
	}

	/**
	 * Closes the windows opened before {@code openedBefore}, one transaction each,
	 * skipping those another node is counting or closing.
	 */
	private void close(Instant openedBefore) {
		List<Key> candidates = jdbc
			.sql("select action, actor, subject_type, source from refusal_count "
					+ "where opened_at is not null and opened_at <= ?")
			.param(Timestamp
				.from(openedBefore.equals(Instant.MAX) ? Instant.parse("9999-12-31T00:00:00Z") : openedBefore))
			.query((row, n) -> new Key(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
			.list();
		for (Key key : candidates) {
			transaction.executeWithoutResult(status -> lock(key, " skip locked").ifPresent(w -> {
				if (w.opened() == null || (!openedBefore.equals(Instant.MAX) && w.opened().isAfter(openedBefore))) {
					return; // reopened by a later refusal meanwhile
				}
				writeCount(key, w);
				jdbc.sql("delete from refusal_count " + where()).params(keyParams(key)).update();
			}));
		}
	}

	private void writeCount(Key key, Window w) {
		if (w.repeated() == 0) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("remoteAddress", key.source());
		details.put("repeated", w.repeated());
		details.put("firstRepeatAt", w.opened().toString());
		details.put("lastRepeatAt", w.last().toString());
		details.put("examples", List.copyOf(w.examples()));
		trail.record(key.actor(), key.action(), key.subjectType(), null, details);
	}

	private Optional<Window> lock(Key key, String skipLocked) {
		return jdbc
			.sql("select opened_at, last_at, repeated, examples from refusal_count " + where() + " for update"
					+ skipLocked)
			.params(keyParams(key))
			.query((row, n) -> new Window(row.getTimestamp(1) == null ? null : row.getTimestamp(1).toInstant(),
					row.getTimestamp(2).toInstant(), row.getLong(3), examples(row.getString(4))))
			.optional();
	}

	private boolean exists(Key key) {
		return jdbc.sql("select count(*) from refusal_count " + where())
			.params(keyParams(key))
			.query(Long.class)
			.single() > 0;
	}

	private boolean ended(Window w, Instant now) {
		return !w.opened().plus(window).isAfter(now);
	}

	private static String where() {
		return "where action = ? and actor = ? and subject_type = ? and source = ?";
	}

	private static List<Object> keyParams(Key key) {
		return List.of(key.action(), key.actor(), key.subjectType(), key.source());
	}

	private static Set<String> examples(String stored) {
		Set<String> examples = new LinkedHashSet<>();
		if (stored != null && !stored.isEmpty()) {
			examples.addAll(List.of(stored.split(SEPARATOR)));
		}
		return examples;
	}

	private static String cut(String text, int max) {
		String value = text == null ? "" : text;
		return value.length() > max ? value.substring(0, max) : value;
	}

	private void flushSafely() {
		try {
			flush();
		}
		catch (RuntimeException e) {
			log.warn("Could not write the counts of refused requests to the audit trail; they stay counted", e);
		}
	}

	/**
	 * Stops the background closing; open counts stay in the database, for this node after
	 * a restart or another node to write.
	 */
	@Override
	public void destroy() {
		if (flusher != null) {
			flusher.shutdownNow();
		}
	}

}
