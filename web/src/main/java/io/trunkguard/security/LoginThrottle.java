package io.trunkguard.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down and then stops password guessing against the local accounts, per typed
 * account name and per source address: after {@code backoffAfter} failures each further
 * attempt must wait (1 s, 2 s, 4 s ... up to {@code maxBackoffDelay}); after
 * {@code lockoutAfter} failures the name (or address) is locked for
 * {@code lockoutDuration}. Names that do not exist are counted like the others, so the
 * answers say nothing about which accounts exist. A successful login clears the account's
 * count; a count is forgotten {@code lockoutDuration} after its last failure.
 *
 * <p>
 * The counts live in the database (table {@code login_failure}), so every node behind a
 * load balancer sees the same ones: guessing on several nodes gets one allowance, not one
 * per node. Counting a failure locks its row, so exactly one node sees the failure that
 * locks a name or address out (and audits it once).
 */
class LoginThrottle {

	/** Longest name kept as a key: longer typed names share the count of their prefix. */
	static final int MAX_KEY = 200;

	enum Lockout {

		NONE, ACCOUNT, ADDRESS

	}

	private enum Kind {

		ACCOUNT, ADDRESS

	}

	private record Policy(int backoffAfter, int lockoutAfter) {
	}

	private record Counter(int failures, Instant lastFailure, Instant blockedUntil) {
	}

	private final SecuritySettings.Abuse settings;

	private final Policy accountPolicy;

	private final Policy addressPolicy;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate ownTransaction;

	LoginThrottle(SecuritySettings.Abuse settings, Clock clock, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.settings = settings;
		this.accountPolicy = new Policy(settings.backoffAfter(), settings.lockoutAfter());
		this.addressPolicy = new Policy(Math.max(settings.backoffAfter(), settings.addressLockoutAfter() / 3),
				settings.addressLockoutAfter());
		this.clock = clock;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * How long an attempt for {@code username} from {@code address} must still wait;
	 * empty if it may be checked now.
	 */
	Optional<Duration> waitBefore(String username, String address) {
		Instant now = clock.instant();
		Instant until = max(blockedUntil(Kind.ACCOUNT, key(username), now),
				address == null ? Instant.MIN : blockedUntil(Kind.ADDRESS, key(address), now));
		return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	/** Counts a failed login; says whether it locked the account or the address. */
	Lockout failed(String username, String address) {
		Instant now = clock.instant();
		forgetOld(now);
		boolean accountLocked = count(Kind.ACCOUNT, key(username), accountPolicy, now);
		boolean addressLocked = address != null && count(Kind.ADDRESS, key(address), addressPolicy, now);
		return accountLocked ? Lockout.ACCOUNT : addressLocked ? Lockout.ADDRESS : Lockout.NONE;
	}

	void succeeded(String username) {
		jdbc.sql("delete from login_failure where kind = ? and throttle_key = ?")
			.params(Kind.ACCOUNT.name(), key(username))
			.update();
	}

	/** Adds one failure under the row's lock; true if this one locked the key out. */
	private boolean count(Kind kind, String key, Policy policy, Instant now) {
		createIfAbsent(kind, key, now);
		Boolean locked = transaction.execute(status -> {
			Counter counter = jdbc
				.sql("select failures, last_failure, blocked_until from login_failure "
						+ "where kind = ? and throttle_key = ? for update")
				.params(kind.name(), key)
				.query((row, n) -> new Counter(row.getInt(1), row.getTimestamp(2).toInstant(),
						row.getTimestamp(3) == null ? Instant.MIN : row.getTimestamp(3).toInstant()))
				.optional()
				.filter(c -> !forgotten(c, now))
				.orElse(new Counter(0, now, Instant.MIN));
			int failures = counter.failures() + 1;
			Instant blockedUntil = counter.blockedUntil();
			if (failures >= policy.lockoutAfter()) {
				blockedUntil = now.plus(settings.lockoutDuration());
			}
			else if (failures >= policy.backoffAfter()) {
				int doublings = Math.min(20, failures - policy.backoffAfter());
				Duration delay = settings.backoffDelay().multipliedBy(1L << doublings);
				blockedUntil = now
					.plus(delay.compareTo(settings.maxBackoffDelay()) > 0 ? settings.maxBackoffDelay() : delay);
			}
			int updated = jdbc
				.sql("update login_failure set failures = ?, last_failure = ?, blocked_until = ? "
						+ "where kind = ? and throttle_key = ?")
				.params(failures, Timestamp.from(now),
						blockedUntil.equals(Instant.MIN) ? null : Timestamp.from(blockedUntil), kind.name(), key)
				.update();
			if (updated == 0) {
				// forgotten by another node between the insert and the lock: count anew
				insert(kind, key, failures, now, blockedUntil);
			}
			return failures == policy.lockoutAfter();
		});
		return Boolean.TRUE.equals(locked);
	}

	/**
	 * The row to lock: inserted in a transaction of its own, so that a node that loses
	 * the race (duplicate key) simply locks the winner's row.
	 */
	private void createIfAbsent(Kind kind, String key, Instant now) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (jdbc.sql("select count(*) from login_failure where kind = ? and throttle_key = ?")
					.params(kind.name(), key)
					.query(Long.class)
					.single() == 0) {
					insert(kind, key, 0, now, Instant.MIN);
				}
			});
		}
		catch (DuplicateKeyException insertedByAnotherNode) {
			// the row exists: that is all this wanted
		}
	}

	private void insert(Kind kind, String key, int failures, Instant now, Instant blockedUntil) {
		jdbc.sql("insert into login_failure (kind, throttle_key, failures, last_failure, blocked_until) "
				+ "values (?, ?, ?, ?, ?)")
			.params(kind.name(), key, failures, Timestamp.from(now),
					blockedUntil.equals(Instant.MIN) ? null : Timestamp.from(blockedUntil))
			.update();
	}

	private Instant blockedUntil(Kind kind, String key, Instant now) {
		return jdbc
			.sql("select failures, last_failure, blocked_until from login_failure where kind = ? and throttle_key = ?")
			.params(kind.name(), key)
			.query((row, n) -> new Counter(row.getInt(1), row.getTimestamp(2).toInstant(),
					row.getTimestamp(3) == null ? Instant.MIN : row.getTimestamp(3).toInstant()))
			.optional()
			.filter(c -> !forgotten(c, now))
			.map(Counter::blockedUntil)
			.orElse(Instant.MIN);
	}

	/**
	 * A count is forgotten a lockout's duration after its last failure, unless blocked.
	 */
	private boolean forgotten(Counter counter, Instant now) {
		return counter.lastFailure().plus(settings.lockoutDuration()).isBefore(now)
				&& !counter.blockedUntil().isAfter(now);
	}

	/**
	 * Keeps the table to the counts that still matter (a flood of names or addresses).
	 */
	private void forgetOld(Instant now) {
		Timestamp old = Timestamp.from(now.minus(settings.lockoutDuration()));
		jdbc.sql("delete from login_failure where last_failure < ? and (blocked_until is null or blocked_until < ?)")
			.params(old, Timestamp.from(now))
			.update();
	}

	private static String key(String name) {
		String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
