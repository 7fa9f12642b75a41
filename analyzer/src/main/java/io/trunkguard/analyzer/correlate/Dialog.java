package io.trunkguard.analyzer.correlate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** All SIP messages sharing one Call-ID. */
public final class Dialog {

	public final String callId;

	public String from;

	public String to;

	public String initialMethod;

	public String requestUri;

	public Endpoint initialSource;

	public final Set<String> methods = new LinkedHashSet<>();

	public final Set<String> userAgents = new LinkedHashSet<>();

	public final Set<String> legIds = new LinkedHashSet<>();

	public int finalStatus;

	public long firstFrame;

	public long lastFrame;

	public long firstTimestamp;

	public long lastTimestamp;

	public long messages;

	public final FrameList frames = new FrameList(20);

	public long inviteFrame;

	public boolean inviteAuthorized;

	public long challengeFrame;

	public long acceptedFrame;

	public boolean inviteOverEncryptedLeg;

	/** Media streams by m= line index and media type. */
	public final Map<String, MediaStream> media = new LinkedHashMap<>();

	String lastOfferOrigin;

	String lastAnswerOrigin;

	boolean offerPending;

	public Dialog(String callId) {
		this.callId = callId;
	}

}
