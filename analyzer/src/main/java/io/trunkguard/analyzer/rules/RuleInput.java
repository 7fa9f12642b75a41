package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.correlate.Dialog;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.SourceActivity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the rules look at: the correlated legs and dialogs, media seen without a leg,
 * per-source activity, and the capture's time span (null when the capture carries no
 * timestamps).
 */
public record RuleInput(List<Leg> legs, Collection<Dialog> dialogs, List<MediaStream> unmatchedMedia,
		Collection<SourceActivity> activity, Instant captureStart, Instant captureEnd) {

	/** Every media stream: those on legs and those without one. */
	public List<MediaStream> allMedia() {
		java.util.Set<MediaStream> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		List<MediaStream> ordered = new java.util.ArrayList<>();
		for (Leg l : legs) {
			for (MediaStream s : l.media) {
				if (all.add(s)) {
					ordered.add(s);
				}
			}
		}
		for (MediaStream s : unmatchedMedia) {
			if (all.add(s)) {
				ordered.add(s);
			}
		}
		return ordered;
	}
}
