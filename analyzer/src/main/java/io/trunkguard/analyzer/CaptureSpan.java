package io.trunkguard.analyzer;

import io.trunkguard.analyzer.io.CaptureRecord;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a capture's records span, as they are read: the first and last timestamp (0 until
 * a record carries one) and the link types in the order they first appear. Kept by
 * whichever thread frames the records (the decoding stage, or the read-only loop).
 */
final class CaptureSpan {

	long first;

	long last;

	final Set<Integer> linkTypes = new LinkedHashSet<>();

	private int lastLinkType = -1;

	void saw(CaptureRecord rec) {
		if (rec.timestampNanos != 0) {
			if (first == 0) {
				first = rec.timestampNanos;
			}
			last = rec.timestampNanos;
		}
		if (rec.linkType != lastLinkType) {
			linkTypes.add(rec.linkType);
			lastLinkType = rec.linkType;
		}
	}

}
