package io.trunkguard.analyzer.correlate;

import io.trunkguard.analyzer.decode.IpAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one source address did, as time-stamped events for the anomaly rules (brute force,
 * scanners, toll fraud). Each list is capped so memory stays bounded.
 */
public final class SourceActivity {

	public static final int CAP = 10_000;

	/** One event: capture time, frame, and a detail (target user, status, ...). */
	public record Event(long timestampNanos, long frame, String detail) {
	}

	public final IpAddress source;

	/** 401/403/407 answers to this source's REGISTERs. */
	public final List<Event> registerFailures = new ArrayList<>();

	/** 2xx answers to this source's REGISTERs. */
	public final List<Event> registerSuccesses = new ArrayList<>();

	/** INVITEs sent by this source, detail = request-URI user. */
	public final List<Event> invites = new ArrayList<>();

	/** OPTIONS sent by this source, detail = destination address and request-URI. */
	public final List<Event> options = new ArrayList<>();

	/** REGISTERs sent by this source, detail = the account (To URI) tried. */
	public final List<Event> registers = new ArrayList<>();

	/** Requests sent by this source, detail = destination address. */
	public long requests;

	/** User-Agent strings with the first frame each was seen in. */
	public final Map<String, Long> userAgents = new LinkedHashMap<>();

	public SourceActivity(IpAddress source) {
		this.source = source;
	}

	static void add(List<Event> list, Event e) {
		if (list.size() < CAP) {
			list.add(e);
		}
	}

}
