package io.trunkguard.analyzer.correlate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A signalling flow between two endpoints over one transport, with the media it
 * negotiated.
 */
public final class Leg {

	public final String id;

	public Transport transport;

	/** The side that spoke first (the TCP SYN sender when seen). */
	public final Endpoint a;

	public final Endpoint b;

	public long firstFrame;

	public long lastFrame;

	public long firstTimestamp;

	public long lastTimestamp;

	public long sipMessages;

	public final FrameList sipFrames = new FrameList(10);

	public final Set<String> callIds = new LinkedHashSet<>();

	public final List<MediaStream> media = new ArrayList<>();

	public boolean sdpSeen;

	/** TLS facts when the leg runs over TLS (null otherwise). */
	public TlsSummary tls;

	public Verdict verdict;

	public String reason;

	public final List<String> evidence = new ArrayList<>();

	public Leg(String id, Transport transport, Endpoint a, Endpoint b) {
		this.id = id;
		this.transport = transport;
		this.a = a;
		this.b = b;
	}

	public boolean signallingEncrypted() {
		return transport.encrypted();
	}

	/** True when the SIP on this leg was read (plain transport or decrypted TLS). */
	public boolean sipVisible() {
		return sipMessages > 0;
	}

	public void touch(long frame, long ts) {
		if (firstFrame == 0) {
			firstFrame = frame;
			firstTimestamp = ts;
		}
		lastFrame = Math.max(lastFrame, frame);
		lastTimestamp = Math.max(lastTimestamp, ts);
	}

}
