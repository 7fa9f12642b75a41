package io.trunkguard.analyzer.correlate;

import io.trunkguard.analyzer.decode.IpAddress;
import io.trunkguard.analyzer.sdp.Sdp;
import io.trunkguard.analyzer.sip.SipMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the capture model from SIP messages: dialogs by Call-ID, legs, offer/answer
 * media streams and the registry that lets the flow layer match media packets to the SDP
 * that negotiated them. Bounded: dialogs, legs and sources beyond their caps are counted,
 * not kept.
 */
public final class Correlator {

	private final int maxDialogs;

	private final int maxLegs;

	private final int maxSources;

	private final Map<String, Dialog> dialogs = new LinkedHashMap<>();

	private final Map<Object, Leg> legsByKey = new HashMap<>();

	private final List<Leg> legs = new ArrayList<>();

	private final Map<Endpoint, MediaStream> mediaByEndpoint = new HashMap<>();

	private final List<MediaStream> orphans = new ArrayList<>();

	private final Map<IpAddress, SourceActivity> activity = new LinkedHashMap<>();

	/**
	 * Per-message counters: plain arrays and a small hash map, sorted into maps only when
	 * asked for.
	 */
	private final Map<String, long[]> requestCounts = new HashMap<>();

	private final long[] statusCounts = new long[600];

	private final Map<String, long[]> otherStatusCounts = new HashMap<>();

	private final long[] transportCounts = new long[Transport.values().length];

	private long unboundUdpMessages;

	private int registryVersion;

	/**
	 * Registry version of the last change per endpoint hash slot (a slot may be shared:
	 * then both look again).
	 */
	private static final int CHANGE_SLOTS = 4096;

	private final int[] changedAt = new int[CHANGE_SLOTS];

	private int clearedAt;

	private int mediaIds;

	private int orphanIds;

	private long sipMessages;

	private long sipFrames;

	private long lastSipFrame = -1;

	private long droppedDialogs;

	private long droppedLegs;

	private long sdpBodies;

	public Correlator(int maxDialogs, int maxLegs, int maxSources) {
		this.maxDialogs = maxDialogs;
		this.maxLegs = maxLegs;
		this.maxSources = maxSources;
	}

	/**
	 * The leg for {@code key} (a flow identity chosen by the caller), created on first
	 * use; null beyond the cap.
	 */
	public Leg leg(Object key, Transport transport, Endpoint a, Endpoint b) {
		Leg leg = legsByKey.get(key);
		if (leg == null) {
			if (legs.size() >= maxLegs) {
				droppedLegs++;
				return null;
			}
			leg = new Leg("L" + (legs.size() + 1), transport, a, b);
			legsByKey.put(key, leg);
			legs.add(leg);
		}
		return leg;
	}

	public void onSip(Leg leg, SipMessage m, Endpoint src, Endpoint dst) {
		sipMessages++;
		if (m.frame != lastSipFrame) {
			sipFrames++;
			lastSipFrame = m.frame;
		}
		if (leg == null) {
			unboundUdpMessages++;
		}
		else {
			transportCounts[leg.transport.ordinal()]++;
		}
		if (m.request) {
			count(requestCounts, m.method);
		}
		else if (m.status >= 100 && m.status < 700) {
			statusCounts[m.status - 100]++;
		}
		else {
			count(otherStatusCounts, String.valueOf(m.status));
		}
		if (leg != null) {
			leg.sipMessages++;
			leg.sipFrames.add(m.frame);
			leg.touch(m.frame, m.timestampNanos);
			if (leg.callIds.size() < 1000) {
				leg.callIds.add(m.callId);
			}
		}
		if (events < EVENT_BUDGET) {
			// checked here, not in activity(): when the budget runs out only this small
			// method is
			// deoptimised and compiled again, not activity(), one of the largest
			// compilations of a run
			events++;
			activity(m, src, dst);
		}
		Dialog d = dialogs.get(m.callId);
		if (d == null) {
			if (dialogs.size() >= maxDialogs) {
				droppedDialogs++;
				return;
			}
			d = new Dialog(m.callId);
			dialogs.put(m.callId, d);
		}
		dialog(d, m, leg, src);
		if (m.hasSdp()) {
			sdpBodies++;
			sdp(d, m, leg, src);
		}
	}

	private static void count(Map<String, long[]> counts, String key) {
		long[] c = counts.get(key);
		if (c == null) {
			counts.put(key, new long[] { 1 });
		}
		else {
			c[0]++;
		}
	}

	private void dialog(Dialog d, SipMessage m, Leg leg, Endpoint src) {
		d.messages++;
		d.frames.add(m.frame);
		if (d.firstFrame == 0) {
			d.firstFrame = m.frame;
			d.firstTimestamp = m.timestampNanos;
		}
		d.lastFrame = Math.max(d.lastFrame, m.frame);
		d.lastTimestamp = Math.max(d.lastTimestamp, m.timestampNanos);
		if (leg != null) {
			d.legIds.add(leg.id);
		}
		if (d.from == null) {
			d.from = m.from;
			d.to = m.to;
		}
		String ua = m.userAgent != null ? m.userAgent : m.server;
		if (ua != null && d.userAgents.size() < 8) {
			d.userAgents.add(ua);
		}
		if (m.request) {
			d.methods.add(m.method);
			if (d.initialMethod == null && !"ACK".equals(m.method) && !"CANCEL".equals(m.method)) {
				d.initialMethod = m.method;
				d.requestUri = m.requestUri;
				d.initialSource = src;
				d.from = m.from;
				d.to = m.to;
			}
			if ("INVITE".equals(m.method)) {
				if (d.inviteFrame == 0) {
					d.inviteFrame = m.frame;
				}
				d.inviteAuthorized |= m.authorization || m.proxyAuthorization;
				d.inviteOverEncryptedLeg |= leg != null && leg.signallingEncrypted();
			}
		}
		else {
			String method = m.cseqMethod;
			if (d.initialMethod == null) {
				d.initialMethod = method;
			}
			if (m.status >= 200 && method.equals(d.initialMethod)) {
				if (d.finalStatus < 200 || d.finalStatus >= 300) {
					d.finalStatus = m.status;
				}
			}
			if ("INVITE".equals(method)) {
				if (m.status == 401 || m.status == 407) {
					if (d.challengeFrame == 0) {
						d.challengeFrame = m.frame;
					}
				}
				else if (m.status >= 200 && m.status < 300 && d.acceptedFrame == 0) {
					d.acceptedFrame = m.frame;
				}
			}
		}
	}

	/**
	 * Events kept for the anomaly rules across all sources; beyond it they are counted
	 * only.
	 */
	private static final int EVENT_BUDGET = 100_000;

	private long events;

	private void activity(SipMessage m, Endpoint src, Endpoint dst) {
		if (m.request) {
			SourceActivity a = source(src.ip());
			if (a == null) {
				return;
			}
			a.requests++;
			if (m.userAgent != null && a.userAgents.size() < 16) {
				a.userAgents.putIfAbsent(m.userAgent, m.frame);
			}
			switch (m.method) {
				case "INVITE" -> SourceActivity.add(a.invites, new SourceActivity.Event(m.timestampNanos, m.frame,
						m.requestUser() == null ? "" : m.requestUser()));
				case "OPTIONS" -> SourceActivity.add(a.options,
						new SourceActivity.Event(m.timestampNanos, m.frame, dst.ip() + " " + m.requestUri));
				case "REGISTER" ->
					SourceActivity.add(a.registers, new SourceActivity.Event(m.timestampNanos, m.frame, account(m.to)));
				default -> {
				}
			}
		}
		else if ("REGISTER".equals(m.cseqMethod)) {
			SourceActivity a = source(dst.ip());
			if (a == null) {
				return;
			}
			SourceActivity.Event e = new SourceActivity.Event(m.timestampNanos, m.frame, String.valueOf(m.status));
			if (m.status == 401 || m.status == 403 || m.status == 407) {
				SourceActivity.add(a.registerFailures, e);
			}
			else if (m.status >= 200 && m.status < 300) {
				SourceActivity.add(a.registerSuccesses, e);
			}
		}
	}

	/** The URI of a To header without display name and parameters. */
	static String account(String to) {
		if (to == null) {
			return "";
		}
		int lt = to.indexOf('<');
		int gt = to.indexOf('>', lt + 1);
		String uri = lt >= 0 && gt > lt ? to.substring(lt + 1, gt) : to;
		int semi = uri.indexOf(';');
		return semi >= 0 ? uri.substring(0, semi) : uri;
	}

	private SourceActivity source(IpAddress ip) {
		SourceActivity a = activity.get(ip);
		if (a == null && activity.size() < maxSources) {
			a = new SourceActivity(ip);
			activity.put(ip, a);
		}
		return a;
	}

	private void sdp(Dialog d, SipMessage m, Leg leg, Endpoint src) {
		Sdp sdp = m.parsedSdp();
		if (leg != null) {
			leg.sdpSeen = true;
		}
		String origin = sdp.origin() == null ? "" : sdp.origin();
		boolean offer;
		if (origin.equals(d.lastOfferOrigin)) {
			offer = true;
		}
		else if (origin.equals(d.lastAnswerOrigin)) {
			offer = false;
		}
		else {
			offer = !d.offerPending;
		}
		if (offer) {
			d.lastOfferOrigin = origin;
			d.offerPending = true;
		}
		else {
			d.lastAnswerOrigin = origin;
			d.offerPending = false;
		}
		for (Sdp.Media media : sdp.media()) {
			String key = media.index() + "/" + media.type();
			MediaStream s = d.media.get(key);
			if (s == null) {
				s = new MediaStream("M" + (++mediaIds), d.callId, media.type(), media.index());
				s.leg = leg;
				d.media.put(key, s);
			}
			if (leg != null && !leg.media.contains(s)) {
				leg.media.add(s); // a proxied call negotiates the same media on each of
									// its legs
			}
			s.sdpFrames.add(m.frame);
			boolean encryptedSignalling = leg != null && leg.signallingEncrypted();
			if (encryptedSignalling) {
				s.sdpOverEncryptedSignalling = true;
			}
			else {
				s.sdpOverPlainSignalling = true;
			}
			Endpoint declared = null;
			IpAddress addr = IpAddress.parse(media.connection());
			if (addr == null && media.connection() == null) {
				addr = src.ip();
			}
			if (addr != null && media.port() > 0) {
				declared = new Endpoint(addr, media.port());
			}
			if (offer) {
				s.offerProfile = media.profile();
				s.offerEndpoint = declared;
				s.offerCrypto.clear();
				s.offerCrypto.addAll(media.crypto());
				s.offeredSecure |= media.secureProfile();
			}
			else {
				s.answerProfile = media.profile();
				s.answerEndpoint = declared;
				s.answerCrypto.clear();
				s.answerCrypto.addAll(media.crypto());
				if (s.offerProfile != null && Sdp.isSecure(s.offerProfile) && !media.secureProfile() && media.port() > 0
						&& s.downgradeFrame == 0) {
					s.downgradeFrame = m.frame;
				}
			}
			s.fingerprint |= media.fingerprint() != null;
			if (media.setup() != null) {
				s.setup = media.setup();
			}
			if (declared != null) {
				register(declared, s);
				int rtcp = media.rtcpMux() ? -1 : media.rtcpPort() > 0 ? media.rtcpPort() : media.port() + 1;
				if (rtcp > 0) {
					register(new Endpoint(addr, rtcp), s);
				}
			}
		}
	}

	private void register(Endpoint e, MediaStream s) {
		if (mediaByEndpoint.get(e) != s) {
			if (mediaByEndpoint.size() > 200_000) {
				mediaByEndpoint.clear();
				clearedAt = registryVersion + 1;
			}
			mediaByEndpoint.put(e, s);
			registryVersion++;
			changedAt[changeSlot(e.hashCode())] = registryVersion;
		}
	}

	/**
	 * False when {@link #mediaFor} certainly gives for both endpoints (by their hash
	 * codes) what it gave at registry version {@code since}; true when it may differ.
	 * Lets a media flow skip its two registry lookups on most packets: the version moves
	 * with every SDP in the capture, while the endpoints of one flow are declared rarely.
	 */
	public boolean registryChangedFor(int hashA, int hashB, int since) {
		return clearedAt > since || changedAt[changeSlot(hashA)] > since || changedAt[changeSlot(hashB)] > since;
	}

	private static int changeSlot(int hash) {
		return (hash ^ (hash >>> 16)) & (CHANGE_SLOTS - 1);
	}

	/** The negotiated stream whose SDP declared {@code e}, or null. */
	public MediaStream mediaFor(Endpoint e) {
		return mediaByEndpoint.get(e);
	}

	/**
	 * Changes whenever an SDP declares a new media endpoint, so flows know to look again.
	 */
	public int registryVersion() {
		return registryVersion;
	}

	/**
	 * A stream for a flow that looks like media but matches no SDP; null beyond the cap.
	 */
	public MediaStream orphan(Endpoint a, Endpoint b) {
		if (orphans.size() >= 2000) {
			return null;
		}
		MediaStream s = new MediaStream("U" + (++orphanIds), null, "unknown", -1);
		s.flowEndpoints.add(a);
		s.flowEndpoints.add(b);
		orphans.add(s);
		return s;
	}

	/**
	 * Ends correlation: a leg whose SDP is hidden (encrypted signalling, no key log) gets
	 * the media that it may have negotiated, then every leg is judged. Candidates are the
	 * media seen without SDP and the media negotiated on another leg (a proxy's plain leg
	 * shows the SDP the hidden leg carried too), between the same hosts and active around
	 * the leg; the leg must have started before the media, since signalling sets media up
	 * (a later connection between the same hosts, such as one carrying only the BYE, did
	 * not). When no leg qualifies so, the time overlap alone decides, as before.
	 */
	public void finish() {
		List<MediaStream> negotiated = new ArrayList<>();
		for (Dialog d : dialogs.values()) {
			for (MediaStream s : d.media.values()) {
				if (s.rtpPackets > 0) {
					negotiated.add(s);
				}
			}
		}
		// only legs whose SDP is hidden take media here, and attaching media changes
		// neither
		List<Leg> hidden = new ArrayList<>();
		for (Leg leg : legs) {
			if (!leg.sdpSeen && leg.signallingEncrypted()) {
				hidden.add(leg);
			}
		}
		if (!hidden.isEmpty()) {
			for (MediaStream o : orphans) {
				attachToHiddenLegs(hidden, o, true);
			}
			for (MediaStream s : negotiated) {
				attachToHiddenLegs(hidden, s, false);
			}
		}
		for (Leg leg : legs) {
			Verdicts.judge(leg);
		}
	}

	private static void attachToHiddenLegs(List<Leg> hidden, MediaStream s, boolean orphan) {
		List<Leg> overlapping = new ArrayList<>();
		List<Leg> before = new ArrayList<>();
		for (Leg leg : hidden) {
			// cheapest test first: a leg may hold a few hundred streams by now
			if (!overlaps(leg, s) || !sameHosts(leg, s) || leg.media.contains(s)) {
				continue;
			}
			overlapping.add(leg);
			if (leg.firstTimestamp == 0 || s.firstTimestamp == 0
					|| leg.firstTimestamp <= s.firstTimestamp + STARTED_BEFORE_SLACK) {
				before.add(leg);
			}
		}
		// a negotiated stream joins a hidden leg only when the leg started before it
		List<Leg> chosen = !before.isEmpty() || !orphan ? before : overlapping;
		for (Leg leg : chosen) {
			if (orphan && s.leg == null) {
				s.leg = leg;
			}
			leg.media.add(s);
		}
	}

	/** How much later than its media a leg may start and still have set it up. */
	private static final long STARTED_BEFORE_SLACK = 1_000_000_000L;

	private static final long SLACK = 5_000_000_000L;

	private static boolean overlaps(Leg leg, MediaStream s) {
		if (leg.firstTimestamp == 0 || s.firstTimestamp == 0) {
			return true;
		}
		return s.firstTimestamp <= leg.lastTimestamp + SLACK && s.lastTimestamp + SLACK >= leg.firstTimestamp;
	}

	private static boolean sameHosts(Leg leg, MediaStream s) {
		for (Endpoint e : s.flowEndpoints) {
			if (e.ip().equals(leg.a.ip()) || e.ip().equals(leg.b.ip())) {
				return true;
			}
		}
		return false;
	}

	public List<Leg> legs() {
		return legs;
	}

	public Map<String, Dialog> dialogs() {
		return dialogs;
	}

	public List<MediaStream> unmatchedMedia() {
		List<MediaStream> out = new ArrayList<>();
		for (MediaStream o : orphans) {
			if (o.leg == null) {
				out.add(o);
			}
		}
		return out;
	}

	public Map<IpAddress, SourceActivity> activity() {
		return activity;
	}

	public long sipMessages() {
		return sipMessages;
	}

	public long sipFrames() {
		return sipFrames;
	}

	public long sdpBodies() {
		return sdpBodies;
	}

	/** SIP requests by method, sorted by method. */
	public Map<String, Long> requestsByMethod() {
		return sorted(requestCounts);
	}

	/** SIP responses by status code (as text), sorted as text. */
	public Map<String, Long> responsesByStatus() {
		Map<String, Long> out = sorted(otherStatusCounts);
		for (int i = 0; i < statusCounts.length; i++) {
			if (statusCounts[i] > 0) {
				out.put(String.valueOf(i + 100), statusCounts[i]);
			}
		}
		return out;
	}

	/** SIP messages by transport name (UDP for messages on no leg), sorted by name. */
	public Map<String, Long> messagesByTransport() {
		Map<String, Long> out = new TreeMap<>();
		if (unboundUdpMessages > 0) {
			out.put(Transport.UDP.name(), unboundUdpMessages);
		}
		for (Transport t : Transport.values()) {
			if (transportCounts[t.ordinal()] > 0) {
				out.merge(t.name(), transportCounts[t.ordinal()], Long::sum);
			}
		}
		return out;
	}

	private static Map<String, Long> sorted(Map<String, long[]> counts) {
		Map<String, Long> out = new TreeMap<>();
		for (Map.Entry<String, long[]> e : counts.entrySet()) {
			out.put(e.getKey(), e.getValue()[0]);
		}
		return out;
	}

	public long droppedDialogs() {
		return droppedDialogs;
	}

	public long droppedLegs() {
		return droppedLegs;
	}

}
