package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.correlate.SourceActivity.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sliding-window helpers for the anomaly rules. */
final class Windows {

	private Windows() {
	}

	/**
	 * The largest run of events falling within {@code window} (events sorted by time
	 * first).
	 */
	static List<Event> densest(List<Event> events, Duration window) {
		List<Event> sorted = new ArrayList<>(events);
		sorted.sort(Comparator.comparingLong(Event::timestampNanos));
		long w = window.toNanos();
		int bestStart = 0;
		int bestLen = 0;
		int start = 0;
		for (int end = 0; end < sorted.size(); end++) {
			while (sorted.get(end).timestampNanos() - sorted.get(start).timestampNanos() > w) {
				start++;
			}
			if (end - start + 1 > bestLen) {
				bestLen = end - start + 1;
				bestStart = start;
			}
		}
		return sorted.subList(bestStart, bestStart + bestLen);
	}

	static List<Long> frames(List<Event> events) {
		List<Long> f = new ArrayList<>();
		for (Event e : events) {
			f.add(e.frame());
		}
		return f;
	}

}
