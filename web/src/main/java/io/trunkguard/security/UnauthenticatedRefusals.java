package io.trunkguard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.trunkguard.audit.AuditTrail;

/**
 * Audits refused requests that carry no valid credentials (failed logins, forged
 * webhooks, wrong SCIM tokens) without letting anyone flood the append-only trail: the
 * first refusal of a kind ({@code action}) from one source address is written at once;
 * further ones from that source within the window are counted, and when the window ends
 * one entry records how many there were, from when to when, with a few examples. Nothing
 * is lost but the repetition. The count is kept in memory: a node that crashes loses the
 * count of at most one window (its first refusal is already in the trail); a node that
 * stops writes its counts first.
 *
 * <p>
 * At most {@code maxSources} sources are tracked at once; beyond that, refusals of the
 * same kind from further sources share one counter ({@code source = "other addresses"}),
 * so that memory stays bounded under a distributed attack too.
 */
public class UnauthenticatedRefusals implements DisposableBean {

	public static final String ANONYMOUS = "anonymous";

	static final String OTHER_SOURCES = "other addresses";

	private static final Logger log = LoggerFactory.getLogger(UnauthenticatedRefusals.class);

	private static final int MAX_EXAMPLES = 10;

	private final AuditTrail trail;

	private final Duration window;

	private final int maxSources;

	private final Clock clock;

	private final Map<Key, Window> windows = new HashMap<>();

	private final ScheduledExecutorService flusher;

	private record Key(String action, String actor, String subjectType, String source) {
	}

	private static final class Window {

		final Instant opened;

		Instant last;

		long repeated;

		final Set<String> examples = new LinkedHashSet<>();

		Window(Instant opened) {
			this.opened = opened;
			this.last = opened;
		}

	}

	UnauthenticatedRefusals(AuditTrail trail, Duration window, int maxSources, Clock clock, boolean flushInBackground) {
		this.trail = trail;
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
		Instant now = clock.instant();
		String from = source == null || source.isBlank() ? "unknown" : source;
		List<Runnable> writes = new ArrayList<>(2);
		synchronized (windows) {
			expire(now, writes);
			Key key = new Key(action, actor, subjectType, from);
			if (!windows.containsKey(key) && windows.size() >= maxSources) {
				key = new Key(action, actor, subjectType, OTHER_SOURCES);
			}
			Window open = windows.get(key);
			if (open == null) {
				windows.put(key, new Window(now));
				Map<String, Object> first = new LinkedHashMap<>(details);
				first.put("remoteAddress", from);
				first.put("repeatsCountedFor", window.toString());
				writes.add(() -> trail.record(actor, action, subjectType, null, first));
			}
			else {
				open.repeated++;
				open.last = now;
				if (example != null && open.examples.size() < MAX_EXAMPLES) {
					open.examples.add(example.length() > 100 ? example.substring(0, 100) : example);
				}
			}
		}
		writes.forEach(Runnable::run);
	}

	/** Writes the counts of every window that has ended. */
	void flush() {
		List<Runnable> writes = new ArrayList<>();
		synchronized (windows) {
			expire(clock.instant(), writes);
		}
		writes.forEach(Runnable::run);
	}

	/** Writes every count now, ended or not (at shutdown; tests). */
	public void flushAll() {
		List<Runnable> writes = new ArrayList<>();
		synchronized (windows) {
			expire(Instant.MAX, writes);
		}
		writes.forEach(Runnable::run);
	}

	private void expire(Instant now, List<Runnable> writes) {
		for (Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Key, Window> entry = it.next();
			Window w = entry.getValue();
			if (now != Instant.MAX && w.opened.plus(window).isAfter(now)) {
				continue;
			}
			it.remove();
			if (w.repeated > 0) {
				Key key = entry.getKey();
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("remoteAddress", key.source());
				details.put("repeated", w.repeated);
				details.put("firstRepeatAt", w.opened.toString());
				details.put("lastRepeatAt", w.last.toString());
				details.put("examples", List.copyOf(w.examples));
				writes.add(() -> trail.record(key.actor(), key.action(), key.subjectType(), null, details));
			}
		}
	}

	private void flushSafely() {
		try {
			flush();
		}
		catch (RuntimeException e) {
			log.warn("Could not write the counts of refused requests to the audit trail; they are lost", e);
		}
	}

	@Override
	public void destroy() {
		if (flusher != null) {
			flusher.shutdownNow();
		}
		flushAll();
	}

}
