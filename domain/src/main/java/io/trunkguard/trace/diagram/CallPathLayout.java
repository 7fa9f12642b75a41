package io.trunkguard.trace.diagram;

import io.trunkguard.trace.diagram.CallPathDiagram.Kind;
import io.trunkguard.trace.diagram.CallPathDiagram.Node;
import io.trunkguard.trace.diagram.CallPathDiagram.Role;
import io.trunkguard.trace.diagram.CallPathDiagram.Segment;
import io.trunkguard.trace.diagram.CallPathDiagram.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link CallPathDiagram} from the legs and media streams of one or more
 * captures: decides each segment's verdict and protocol, merges endpoints into boxes and
 * lays them out from caller to callee, once, for every renderer.
 *
 * <p>
 * An endpoint is a box per address. Where both ends of a segment share one address (a
 * capture taken on one host, as the lab captures on loopback are), its ends are told
 * apart by port instead: 5060 and 5061 of one address are two boxes unless a lead gave
 * them one name. Endpoints a lead named are one box per name, labelled with it.
 *
 * <p>
 * A capture of a busy trunk holds hundreds of legs between the same few boxes: segments
 * with the same ends, kind, verdict and protocol are drawn once with their count. At most
 * {@value #MAX_BOXES} boxes are drawn; past that, the boxes on the least protected
 * segments are kept (plain first, then partly, undetermined, encrypted; named and carrier
 * boxes before others), and the title says how many were left out (the legs table lists
 * every leg).
 */
public final class CallPathLayout {

	static final int NODE_WIDTH = 190;

	static final int NODE_HEIGHT = 58;

	static final int COLUMN_GAP = 230;

	static final int ROW_GAP = 80;

	static final int MARGIN = 24;

	static final int CAPTION = 34;

	static final int LEGEND_HEIGHT = 72;

	/** The most boxes one drawing holds; more is unreadable and unbounded in size. */
	static final int MAX_BOXES = 24;

	private CallPathLayout() {
	}

	/**
	 * One signalling flow.
	 *
	 * @param endpointA the client side, {@code address:port}
	 * @param endpointB the server side
	 */
	public record PathLeg(String legId, String transport, String endpointA, String endpointB, String tlsVersion,
			String cipherSuite) {
	}

	/**
	 * One media stream.
	 *
	 * @param protection the analyzer's word: PROTECTED, UNPROTECTED, NOT_USED or UNKNOWN
	 * @param keysOverPlainSignalling whether SDES keys crossed unencrypted signalling
	 */
	public record PathMedia(String mediaId, String mediaType, String profile, String protection, String offerEndpoint,
			String answerEndpoint, List<String> cryptoSuites, String dtlsSrtpProfile, boolean keysOverPlainSignalling) {

		public PathMedia {
			cryptoSuites = cryptoSuites == null ? List.of() : List.copyOf(cryptoSuites);
		}

	}

	/**
	 * Lays out the path.
	 * @param nameOf the carrier's name for an endpoint {@code address:port}, or null
	 */
	public static CallPathDiagram layout(String title, List<PathLeg> legs, List<PathMedia> media,
			Function<String, String> nameOf) {
		return layout(title, legs, media, nameOf, endpoint -> null);
	}

	/**
	 * Lays out the path.
	 * @param nameOf the carrier's name for an endpoint {@code address:port}, or null
	 * @param givenName the name a lead gave the endpoint {@code address:port}, or null
	 */
	public static CallPathDiagram layout(String title, List<PathLeg> legs, List<PathMedia> media,
			Function<String, String> nameOf, Function<String, String> givenName) {
		Map<String, NodeDraft> nodes = new LinkedHashMap<>();
		List<SegmentDraft> segments = new ArrayList<>();
		for (PathLeg leg : legs) {
			Endpoint a = Endpoint.parse(leg.endpointA());
			Endpoint b = Endpoint.parse(leg.endpointB());
			if (a == null || b == null) {
				continue;
			}
			boolean byPort = a.host().equals(b.host());
			NodeDraft from = node(nodes, a, byPort, nameOf, givenName);
			NodeDraft to = node(nodes, b, byPort, nameOf, givenName);
			from.signalling = true;
			to.signalling = true;
			from.clientOf++;
			to.serverOf++;
			String transport = leg.transport() == null ? "" : leg.transport().toUpperCase(Locale.ROOT);
			if (transport.equals("WSS") || transport.equals("WS")) {
				to.gateway = true;
			}
			segments.add(signalling(leg, transport, from.id, to.id));
		}
		Set<String> drawnMedia = new LinkedHashSet<>();
		for (PathMedia m : media) {
			if ("NOT_USED".equals(m.protection())) {
				continue;
			}
			Endpoint a = Endpoint.parse(m.offerEndpoint());
			Endpoint b = Endpoint.parse(m.answerEndpoint());
			if (a == null || b == null) {
				continue;
			}
			boolean byPort = a.host().equals(b.host());
			NodeDraft from = node(nodes, a, byPort, nameOf, givenName);
			NodeDraft to = node(nodes, b, byPort, nameOf, givenName);
			if (!drawnMedia.add(from.id + "|" + to.id + "|" + m.mediaId() + "|" + m.mediaType())) {
				continue;
			}
			if (m.dtlsSrtpProfile() != null) {
				from.gateway |= from.serverOf > 0;
				to.gateway |= to.serverOf > 0;
			}
			segments.add(media(m, from.id, to.id));
		}
		List<SegmentDraft> merged = merged(segments);
		if (nodes.size() <= MAX_BOXES) {
			return place(title, nodes, merged);
		}
		return trimmed(title, nodes, merged);
	}

	/**
	 * Segments with the same ends, kind, verdict and protocol as one, with their count.
	 */
	private static List<SegmentDraft> merged(List<SegmentDraft> segments) {
		Map<String, List<SegmentDraft>> groups = new LinkedHashMap<>();
		for (SegmentDraft s : segments) {
			groups
				.computeIfAbsent(s.kind + "|" + s.from + "|" + s.to + "|" + s.verdict + "|" + s.protocol,
						k -> new ArrayList<>())
				.add(s);
		}
		List<SegmentDraft> merged = new ArrayList<>(groups.size());
		for (List<SegmentDraft> group : groups.values()) {
			SegmentDraft first = group.get(0);
			if (group.size() == 1) {
				merged.add(first);
				continue;
			}
			boolean legs = first.kind == Kind.SIGNALLING;
			int more = group.size() - 1;
			merged.add(new SegmentDraft(first.id, first.kind, first.from, first.to, first.verdict,
					first.protocol + ", " + group.size() + (legs ? " legs" : " streams"),
					first.detail + " and " + more + (legs ? (more == 1 ? " more leg" : " more legs")
							: (more == 1 ? " more stream" : " more streams"))));
		}
		return merged;
	}

	/**
	 * The {@value #MAX_BOXES} boxes most in need of attention, the segments between them,
	 * and a title that says what was left out.
	 */
	private static CallPathDiagram trimmed(String title, Map<String, NodeDraft> nodes, List<SegmentDraft> segments) {
		Map<String, Integer> worst = new HashMap<>();
		Map<String, Integer> count = new HashMap<>();
		for (SegmentDraft s : segments) {
			int rank = switch (s.verdict) {
				case PLAIN -> 0;
				case PARTLY -> 1;
				case UNDETERMINED -> 2;
				case ENCRYPTED -> 3;
			};
			for (String end : List.of(s.from, s.to)) {
				worst.merge(end, rank, Math::min);
				count.merge(end, 1, Integer::sum);
			}
		}
		List<NodeDraft> ranked = new ArrayList<>(nodes.values());
		ranked.sort(java.util.Comparator.<NodeDraft>comparingInt(n -> worst.getOrDefault(n.id, 4))
			.thenComparingInt(n -> n.given != null || n.carrier != null ? 0 : 1)
			.thenComparingInt(n -> -count.getOrDefault(n.id, 0)));
		Set<String> kept = new LinkedHashSet<>();
		ranked.stream().limit(MAX_BOXES).forEach(n -> kept.add(n.id));
		Map<String, NodeDraft> keptNodes = new LinkedHashMap<>();
		nodes.forEach((key, n) -> {
			if (kept.contains(n.id)) {
				keptNodes.put(key, n);
			}
		});
		List<SegmentDraft> keptSegments = segments.stream()
			.filter(s -> kept.contains(s.from) && kept.contains(s.to))
			.toList();
		int leftOut = nodes.size() - keptNodes.size();
		String note = " (the " + MAX_BOXES + " endpoints least protected of " + nodes.size() + "; " + leftOut
				+ " others and " + (segments.size() - keptSegments.size())
				+ " segments are in the legs table, not drawn)";
		return place(title + note, keptNodes, keptSegments);
	}

	private static SegmentDraft signalling(PathLeg leg, String transport, String from, String to) {
		Verdict verdict;
		String protocol;
		if (transport.equals("TLS") || transport.equals("WSS")) {
			String over = transport.equals("WSS") ? "WebSocket over " : "";
			if (leg.tlsVersion() == null) {
				verdict = Verdict.ENCRYPTED;
				protocol = over + "TLS (version not seen)";
			}
			else {
				boolean legacy = !(leg.tlsVersion().contains("1.2") || leg.tlsVersion().contains("1.3"));
				verdict = legacy ? Verdict.PARTLY : Verdict.ENCRYPTED;
				protocol = over + leg.tlsVersion() + (legacy ? " (legacy)" : "");
			}
		}
		else if (transport.equals("UDP") || transport.equals("TCP") || transport.equals("SCTP")
				|| transport.equals("WS")) {
			verdict = Verdict.PLAIN;
			protocol = transport.equals("WS") ? "SIP over WebSocket (ws://)" : "SIP over " + transport;
		}
		else {
			verdict = Verdict.UNDETERMINED;
			protocol = transport.isEmpty() ? "transport not seen" : "SIP over " + transport;
		}
		String detail = "Leg " + leg.legId() + (leg.cipherSuite() == null ? "" : ", " + leg.cipherSuite());
		return new SegmentDraft("signalling-" + leg.legId(), Kind.SIGNALLING, from, to, verdict, protocol, detail);
	}

	private static SegmentDraft media(PathMedia m, String from, String to) {
		String type = m.mediaType() == null ? "" : m.mediaType() + " ";
		Verdict verdict;
		String protocol;
		switch (m.protection() == null ? "" : m.protection()) {
			case "PROTECTED" -> {
				if (m.dtlsSrtpProfile() != null) {
					protocol = "DTLS-SRTP " + m.dtlsSrtpProfile();
					verdict = Verdict.ENCRYPTED;
				}
				else {
					protocol = "SRTP" + (m.cryptoSuites().isEmpty() ? "" : " " + m.cryptoSuites().get(0));
					verdict = m.keysOverPlainSignalling() ? Verdict.PARTLY : Verdict.ENCRYPTED;
					if (m.keysOverPlainSignalling()) {
						protocol += " (keys sent in clear)";
					}
				}
			}
			case "UNPROTECTED" -> {
				protocol = "plain RTP";
				verdict = Verdict.PLAIN;
			}
			default -> {
				protocol = m.profile() == null ? "RTP, protection not observable"
						: m.profile() + ", protection not observable";
				verdict = Verdict.UNDETERMINED;
			}
		}
		return new SegmentDraft("media-" + m.mediaId() + "-" + from + "-" + to, Kind.MEDIA, from, to, verdict,
				type + protocol, "Media " + m.mediaId() + (m.profile() == null ? "" : ", " + m.profile()));
	}

	private static NodeDraft node(Map<String, NodeDraft> nodes, Endpoint endpoint, boolean byPort,
			Function<String, String> nameOf, Function<String, String> givenName) {
		String given = givenName.apply(endpoint.text());
		String key = given != null ? "named:" + given
				: byPort ? endpoint.host() + ":" + endpoint.port() : endpoint.host();
		NodeDraft node = nodes.computeIfAbsent(key, k -> new NodeDraft("n" + (nodes.size() + 1), endpoint.host()));
		if (given != null) {
			node.given = given;
			node.hosts.add(endpoint.host());
		}
		if (byPort || given != null) {
			node.ports.add(endpoint.port());
		}
		if (node.carrier == null) {
			node.carrier = nameOf.apply(endpoint.text());
		}
		return node;
	}

	private static CallPathDiagram place(String title, Map<String, NodeDraft> drafts, List<SegmentDraft> segments) {
		Map<String, NodeDraft> byId = new LinkedHashMap<>();
		drafts.values().forEach(n -> byId.put(n.id, n));
		// columns: the longest signalling path from a caller, bounded against cycles
		Map<String, Integer> column = new HashMap<>();
		byId.values().stream().filter(n -> n.signalling).forEach(n -> column.put(n.id, 0));
		for (int round = 0; round < byId.size(); round++) {
			boolean changed = false;
			for (SegmentDraft s : segments) {
				if (s.kind == Kind.SIGNALLING && !s.from.equals(s.to) && column.get(s.to) < column.get(s.from) + 1) {
					column.put(s.to, column.get(s.from) + 1);
					changed = true;
				}
			}
			if (!changed) {
				break;
			}
		}
		int last = column.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		// a box seen only in media: the offerer's at the start, the answerer's at the end
		for (SegmentDraft s : segments) {
			if (s.kind == Kind.MEDIA) {
				column.putIfAbsent(s.from, 0);
				column.putIfAbsent(s.to, Math.max(last, column.get(s.from) + 1));
			}
		}
		last = column.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		Map<Integer, Integer> rowsUsed = new HashMap<>();
		Map<String, Node> placed = new LinkedHashMap<>();
		int rows = 0;
		for (NodeDraft n : byId.values()) {
			int col = column.getOrDefault(n.id, 0);
			int row = rowsUsed.merge(col, 1, Integer::sum) - 1;
			rows = Math.max(rows, row + 1);
			int x = MARGIN + col * (NODE_WIDTH + COLUMN_GAP);
			int y = MARGIN + CAPTION + row * (NODE_HEIGHT + ROW_GAP);
			placed.put(n.id, new Node(n.id, n.name(), n.address(), n.role(), x, y, NODE_WIDTH, NODE_HEIGHT));
		}
		int width = Math.max(2 * MARGIN + (last + 1) * NODE_WIDTH + last * COLUMN_GAP, 960);
		int bottomOfBoxes = MARGIN + CAPTION + Math.max(rows, 1) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
		List<Segment> laidOut = new ArrayList<>();
		Map<String, Integer> parallel = new HashMap<>();
		double lowest = bottomOfBoxes;
		for (SegmentDraft s : segments) {
			Node a = placed.get(s.from);
			Node b = placed.get(s.to);
			String pair = s.kind + "|" + (s.from.compareTo(s.to) < 0 ? s.from + s.to : s.to + s.from);
			int index = parallel.merge(pair, 1, Integer::sum) - 1;
			Segment segment = s.kind == Kind.SIGNALLING ? signallingCurve(s, a, b, index) : mediaCurve(s, a, b, index);
			lowest = Math.max(lowest, Math.max(segment.cy(), segment.labelY()));
			laidOut.add(segment);
		}
		int legendY = (int) Math.ceil(lowest) + 28;
		return new CallPathDiagram(title, List.copyOf(placed.values()), laidOut, width, legendY + LEGEND_HEIGHT,
				legendY);
	}

	/** Right edge to left edge, fanned out when two legs join the same boxes. */
	private static Segment signallingCurve(SegmentDraft s, Node a, Node b, int index) {
		double offset = (index % 2 == 0 ? 1 : -1) * ((index + 1) / 2) * 16.0;
		if (a == b) {
			double x = a.centreX();
			double y = a.y();
			return s.segment(x - 30, y, x, y - 60 - offset, x + 30, y, x, y - 36 - offset);
		}
		boolean forward = a.x() <= b.x();
		double x1 = a.x() == b.x() ? a.centreX() : forward ? a.x() + a.width() : a.x();
		double x2 = a.x() == b.x() ? b.centreX() : forward ? b.x() : b.x() + b.width();
		double y1 = a.x() == b.x() ? (a.y() < b.y() ? a.y() + a.height() : a.y()) : a.centreY() - 8 + offset;
		double y2 = a.x() == b.x() ? (a.y() < b.y() ? b.y() : b.y() + b.height()) : b.centreY() - 8 + offset;
		double cx = (x1 + x2) / 2;
		double cy = (y1 + y2) / 2 + offset;
		double lx = 0.25 * x1 + 0.5 * cx + 0.25 * x2;
		double ly = 0.25 * y1 + 0.5 * cy + 0.25 * y2 - 8;
		return s.segment(x1, y1, cx, cy, x2, y2, lx, ly);
	}

	/** Bottom to bottom, bowed below the boxes so it never crosses the proxy between. */
	private static Segment mediaCurve(SegmentDraft s, Node a, Node b, int index) {
		double x1 = a.centreX() - (a == b ? 30 : 0);
		double x2 = b.centreX() + (a == b ? 30 : 0);
		double y1 = a.y() + a.height();
		double y2 = b.y() + b.height();
		int span = Math.abs(a.x() - b.x()) / (NODE_WIDTH + COLUMN_GAP);
		double cx = (x1 + x2) / 2;
		double cy = Math.max(y1, y2) + 70 + 20 * span + 34 * index;
		double lx = 0.25 * x1 + 0.5 * cx + 0.25 * x2;
		double ly = 0.25 * y1 + 0.5 * cy + 0.25 * y2 + 16;
		return s.segment(x1, y1, cx, cy, x2, y2, lx, ly);
	}

	private static final class SegmentDraft {

		final String id;

		final Kind kind;

		final String from;

		final String to;

		final Verdict verdict;

		final String protocol;

		final String detail;

		SegmentDraft(String id, Kind kind, String from, String to, Verdict verdict, String protocol, String detail) {
			this.id = id;
			this.kind = kind;
			this.from = from;
			this.to = to;
			this.verdict = verdict;
			this.protocol = protocol;
			this.detail = detail;
		}

		Segment segment(double x1, double y1, double cx, double cy, double x2, double y2, double lx, double ly) {
			return new Segment(id, kind, from, to, verdict, protocol, detail, x1, y1, cx, cy, x2, y2, lx, ly);
		}

	}

	private static final class NodeDraft {

		final String id;

		final String host;

		final Set<Integer> ports = new LinkedHashSet<>();

		String carrier;

		/** The name a lead gave it, or null. */
		String given;

		/** The addresses of a named box (it may stand for several). */
		final Set<String> hosts = new LinkedHashSet<>();

		boolean signalling;

		boolean gateway;

		int clientOf;

		int serverOf;

		NodeDraft(String id, String host) {
			this.id = id;
			this.host = host;
		}

		Role role() {
			// takes signalling in and sends it on: a proxy or SBC, even when
			// every leg of the capture is attached to a carrier
			if (clientOf > 0 && serverOf > 0 && !gateway) {
				return Role.PROXY;
			}
			if (carrier != null) {
				return Role.CARRIER;
			}
			if (gateway) {
				return Role.WEBRTC_GATEWAY;
			}
			return Role.PHONE_OR_PBX;
		}

		String name() {
			return given != null ? given : carrier != null ? carrier : role().words();
		}

		String address() {
			if (hosts.size() > 1) {
				return String.join(", ", hosts);
			}
			String shown = host.contains(":") ? "[" + host + "]" : host;
			if (ports.isEmpty()) {
				return shown;
			}
			StringBuilder text = new StringBuilder(shown);
			String separator = ":";
			for (int port : ports) {
				text.append(separator).append(port);
				separator = ", ";
			}
			return text.toString();
		}

	}

	/** {@code 192.0.2.1:5061} or {@code [2001:db8::1]:5061}. */
	record Endpoint(String host, int port, String text) {

		static Endpoint parse(String text) {
			if (text == null) {
				return null;
			}
			int colon = text.lastIndexOf(':');
			if (colon <= 0 || colon == text.length() - 1) {
				return null;
			}
			String host = text.substring(0, colon);
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			try {
				return new Endpoint(host, Integer.parseInt(text.substring(colon + 1)), text);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

	}

}
