package io.trunkguard.questionnaire.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts questionnaire links that opened nothing, per source address, in a fixed window;
 * past the limit the address is refused (HTTP 429) until the window ends, so guessing
 * tokens from one address stops after a few tries. Kept in memory per node (a guesser
 * spread over several nodes gets the limit once per node); the table is bounded.
 */
@Component
class LinkThrottle {

	private static final int MAX_ADDRESSES = 100_000;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Window> failures = new ConcurrentHashMap<>();

	@Autowired
	LinkThrottle(@Value("${trunkguard.questionnaire.wrong-link-limit:20}") int limit,
			@Value("${trunkguard.questionnaire.wrong-link-window:15m}") Duration window) {
		this(limit, window, Clock.systemUTC());
	}

	LinkThrottle(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	private record Window(Instant start, int count) {
	}

	/** Whether the address has used up its wrong tries for now. */
	boolean blocked(String address) {
		Window w = failures.get(address);
		return w != null && w.start().plus(window).isAfter(clock.instant()) && w.count() >= limit;
	}

	/** Forgets every count (an operator's or a test's reset). */
	void clear() {
		failures.clear();
	}

	void failed(String address) {
		Instant now = clock.instant();
		if (failures.size() > MAX_ADDRESSES) {
			failures.values().removeIf(w -> !w.start().plus(window).isAfter(now));
		}
		failures.compute(address, (a, w) -> w == null || !w.start().plus(window).isAfter(now) ? new Window(now, 1)
				: new Window(w.start(), w.count() + 1));
	}

}
