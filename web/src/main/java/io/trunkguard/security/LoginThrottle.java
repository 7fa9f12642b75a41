package io.trunkguard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * The counts are kept in memory per node, at most {@value #MAX_TRACKED} of each kind (the
 * oldest are dropped): with several nodes behind a load balancer an attacker gets each
 * node's allowance, which still ends guessing at a rate of a few per minute.
 */
class LoginThrottle {

	static final int MAX_TRACKED = 100_000;

	enum Lockout {

		NONE, ACCOUNT, ADDRESS

	}

	private static final class Counter {

		int failures;

		Instant lastFailure;

		Instant blockedUntil = Instant.MIN;

	}

	private record Policy(int backoffAfter, int lockoutAfter) {
	}

	private final SecuritySettings.Abuse settings;

	private final Policy accountPolicy;

	private final Policy addressPolicy;

	private final Clock clock;

	private final Map<String, Counter> accounts = lru();

	private final Map<String, Counter> addresses = lru();

	LoginThrottle(SecuritySettings.Abuse settings, Clock clock) {
		this.settings = settings;
		this.accountPolicy = new Policy(settings.backoffAfter(), settings.lockoutAfter());
		this.addressPolicy = new Policy(Math.max(settings.backoffAfter(), settings.addressLockoutAfter() / 3),
				settings.addressLockoutAfter());
		this.clock = clock;
	}

	/**
	 * How long an attempt for {@code username} from {@code address} must still wait;
	 * empty if it may be checked now.
	 */
	synchronized Optional<Duration> waitBefore(String username, String address) {
		Instant now = clock.instant();
		Instant until = max(blockedUntil(accounts, key(username), now), blockedUntil(addresses, address, now));
		return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	/** Counts a failed login; says whether it locked the account or the address. */
	synchronized Lockout failed(String username, String address) {
		Instant now = clock.instant();
		boolean accountLocked = count(accounts, key(username), accountPolicy, now);
		boolean addressLocked = address != null && count(addresses, address, addressPolicy, now);
		return accountLocked ? Lockout.ACCOUNT : addressLocked ? Lockout.ADDRESS : Lockout.NONE;
	}

	synchronized void succeeded(String username) {
		accounts.remove(key(username));
	}

	private boolean count(Map<String, Counter> counters, String key, Policy policy, Instant now) {
		Counter counter = current(counters, key, now);
		if (counter == null) {
			counter = new Counter();
			counters.put(key, counter);
		}
		counter.failures++;
		counter.lastFailure = now;
		if (counter.failures >= policy.lockoutAfter()) {
			counter.blockedUntil = now.plus(settings.lockoutDuration());
			return counter.failures == policy.lockoutAfter();
		}
		if (counter.failures >= policy.backoffAfter()) {
			int doublings = Math.min(20, counter.failures - policy.backoffAfter());
			Duration delay = settings.backoffDelay().multipliedBy(1L << doublings);
			counter.blockedUntil = now
				.plus(delay.compareTo(settings.maxBackoffDelay()) > 0 ? settings.maxBackoffDelay() : delay);
		}
		return false;
	}

	private Instant blockedUntil(Map<String, Counter> counters, String key, Instant now) {
		Counter counter = key == null ? null : current(counters, key, now);
		return counter == null ? Instant.MIN : counter.blockedUntil;
	}

	/**
	 * The counter, unless it was forgotten (a lockout's duration after its last failure).
	 */
	private Counter current(Map<String, Counter> counters, String key, Instant now) {
		Counter counter = counters.get(key);
		if (counter != null && counter.lastFailure.plus(settings.lockoutDuration()).isBefore(now)
				&& !counter.blockedUntil.isAfter(now)) {
			counters.remove(key);
			return null;
		}
		return counter;
	}

	private static String key(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Map<String, Counter> lru() {
		return new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
				return size() > MAX_TRACKED;
			}
		};
	}

}
