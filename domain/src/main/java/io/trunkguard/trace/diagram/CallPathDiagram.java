package io.trunkguard.trace.diagram;

import java.util.List;

/**
 * A call path laid out once: its endpoints (phones or PBXs, proxies or SBCs, carrier
 * trunks, WebRTC gateways) as boxes, and every signalling and media segment between two
 * of them with its verdict and protocol. Renderers only draw what this holds.
 *
 * @param title what the diagram shows, e.g. "Call path of capture proxy.pcapng"
 * @param width the drawing's width in pixels (user units)
 * @param height the drawing's height in pixels (user units)
 * @param legendY where the legend's first line is drawn
 */
public record CallPathDiagram(String title, List<Node> nodes, List<Segment> segments, int width, int height,
		int legendY) {

	public CallPathDiagram {
		nodes = List.copyOf(nodes);
		segments = List.copyOf(segments);
	}

	public boolean empty() {
		return segments.isEmpty();
	}

	/** A sentence per segment, for the accessible description and for people reading. */
	public String description() {
		if (segments.isEmpty()) {
			return "No signalling or media was seen in this call path.";
		}
		StringBuilder text = new StringBuilder();
		text.append(segments.size()).append(segments.size() == 1 ? " segment: " : " segments: ");
		for (int i = 0; i < segments.size(); i++) {
			if (i > 0) {
				text.append(' ');
			}
			text.append(segments.get(i).sentence(this)).append('.');
		}
		return text.toString();
	}

	public Node node(String id) {
		return nodes.stream()
			.filter(n -> n.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no node " + id));
	}

	/** What a box stands for. */
	public enum Role {

		PHONE_OR_PBX("Phone or PBX"), PROXY("Proxy or SBC"), CARRIER("Carrier trunk"), WEBRTC_GATEWAY("WebRTC gateway");

		private final String words;

		Role(String words) {
			this.words = words;
		}

		public String words() {
			return words;
		}

	}

	/** Signalling (SIP) or media (RTP, SRTP). */
	public enum Kind {

		SIGNALLING("Signalling"), MEDIA("Media");

		private final String words;

		Kind(String words) {
			this.words = words;
		}

		public String words() {
			return words;
		}

	}

	/**
	 * How well a segment is protected, with the colour and dash pattern every renderer
	 * uses, so the verdict never rests on colour alone.
	 */
	public enum Verdict {

		ENCRYPTED("encrypted", "#1b7f3b", ""), PARTLY("partly encrypted", "#b26a00", "12 5"),
		PLAIN("plain", "#c62828", "5 4"), UNDETERMINED("undetermined", "#6b7280", "2 4");

		private final String words;

		private final String colour;

		private final String dashes;

		Verdict(String words, String colour, String dashes) {
			this.words = words;
			this.colour = colour;
			this.dashes = dashes;
		}

		public String words() {
			return words;
		}

		/** The stroke colour, {@code #rrggbb}. */
		public String colour() {
			return colour;
		}

		/** The SVG dash array, empty for a solid line. */
		public String dashes() {
			return dashes;
		}

	}

	/**
	 * One box.
	 *
	 * @param name the carrier's name, or what the box stands for
	 * @param address the address (and ports) it was seen with
	 */
	public record Node(String id, String name, String address, Role role, int x, int y, int width, int height) {

		public int centreX() {
			return x + width / 2;
		}

		public int centreY() {
			return y + height / 2;
		}

		/** "Carrier trunk Acme Voice (192.0.2.10)". */
		public String describe() {
			return name.equals(role.words()) ? name + " " + address : role.words() + " " + name + " (" + address + ")";
		}

	}

	/**
	 * One segment, drawn as a quadratic curve from (x1, y1) through control point (cx,
	 * cy) to (x2, y2), labelled at (labelX, labelY).
	 *
	 * @param protocol the protocol and version, e.g. "TLS 1.3", "SRTP
	 * AES_CM_128_HMAC_SHA1_80", "plain RTP", "SIP over UDP"
	 * @param detail more for a tooltip: the cipher suite, the leg or media id
	 */
	public record Segment(String id, Kind kind, String from, String to, Verdict verdict, String protocol, String detail,
			double x1, double y1, double cx, double cy, double x2, double y2, double labelX, double labelY) {

		/** The words on the drawing: "SIP: TLS 1.2, encrypted". */
		public String label() {
			return (kind == Kind.SIGNALLING ? "SIP" : "Media") + ": " + protocol + ", " + verdict.words();
		}

		String sentence(CallPathDiagram diagram) {
			return kind.words() + " between " + diagram.node(from).describe() + " and " + diagram.node(to).describe()
					+ ": " + protocol + ", " + verdict.words();
		}

	}

}
