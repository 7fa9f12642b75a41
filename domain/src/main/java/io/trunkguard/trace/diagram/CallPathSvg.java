package io.trunkguard.trace.diagram;

import io.trunkguard.trace.diagram.CallPathDiagram.Kind;
import io.trunkguard.trace.diagram.CallPathDiagram.Node;
import io.trunkguard.trace.diagram.CallPathDiagram.Segment;
import io.trunkguard.trace.diagram.CallPathDiagram.Verdict;

import java.util.Locale;

/**
 * Draws a {@link CallPathDiagram} as a standalone SVG document: no script, every text
 * escaped, a title and description for assistive technology, and a legend that names each
 * verdict beside its colour and dash pattern.
 */
public final class CallPathSvg {

	private CallPathSvg() {
	}

	/**
	 * The SVG.
	 * @param idPrefix makes the element ids unique where several diagrams share a page
	 */
	public static String render(CallPathDiagram diagram, String idPrefix) {
		String prefix = idPrefix.replaceAll("[^A-Za-z0-9_-]", "");
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"call-path\" role=\"img\" id=\"")
			.append(prefix)
			.append("\" width=\"")
			.append(diagram.width())
			.append("\" height=\"")
			.append(diagram.height())
			.append("\" viewBox=\"0 0 ")
			.append(diagram.width())
			.append(' ')
			.append(diagram.height())
			.append("\" aria-labelledby=\"")
			.append(prefix)
			.append("-title ")
			.append(prefix)
			.append("-desc\" font-family=\"DejaVu Sans, Verdana, sans-serif\">");
		svg.append("<title id=\"")
			.append(prefix)
			.append("-title\">")
			.append(escape(diagram.title()))
			.append("</title>");
		svg.append("<desc id=\"")
			.append(prefix)
			.append("-desc\">")
			.append(escape(diagram.description()))
			.append("</desc>");
		svg.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
		svg.append("<text x=\"")
			.append(CallPathLayout.MARGIN)
			.append("\" y=\"")
			.append(CallPathLayout.MARGIN + 6)
			.append("\" font-size=\"15\" font-weight=\"bold\" fill=\"#111827\">")
			.append(escape(diagram.title()))
			.append("</text>");
		if (diagram.empty()) {
			svg.append("<text x=\"")
				.append(CallPathLayout.MARGIN)
				.append("\" y=\"")
				.append(CallPathLayout.MARGIN + 40)
				.append("\" font-size=\"13\" fill=\"#374151\">")
				.append(escape(diagram.description()))
				.append("</text>");
		}
		svg.append("<g class=\"segments\">");
		for (Segment s : diagram.segments()) {
			segment(svg, s);
		}
		svg.append("</g><g class=\"nodes\">");
		for (Node n : diagram.nodes()) {
			node(svg, n);
		}
		svg.append("</g>");
		legend(svg, diagram);
		return svg.append("</svg>").toString();
	}

	private static void segment(StringBuilder svg, Segment s) {
		Verdict v = s.verdict();
		svg.append("<g class=\"segment\" data-kind=\"")
			.append(s.kind().name().toLowerCase(Locale.ROOT))
			.append("\" data-verdict=\"")
			.append(v.name().toLowerCase(Locale.ROOT))
			.append("\" data-from=\"")
			.append(s.from())
			.append("\" data-to=\"")
			.append(s.to())
			.append("\"><title>")
			.append(escape(s.label() + " (" + s.detail() + ")"))
			.append("</title>");
		svg.append("<path d=\"M")
			.append(n(s.x1()))
			.append(' ')
			.append(n(s.y1()))
			.append(" Q")
			.append(n(s.cx()))
			.append(' ')
			.append(n(s.cy()))
			.append(' ')
			.append(n(s.x2()))
			.append(' ')
			.append(n(s.y2()))
			.append("\" fill=\"none\" stroke=\"")
			.append(v.colour())
			.append("\" stroke-width=\"")
			.append(s.kind() == Kind.SIGNALLING ? "4" : "2.5")
			.append('"');
		if (!v.dashes().isEmpty()) {
			svg.append(" stroke-dasharray=\"").append(v.dashes()).append('"');
		}
		svg.append("/>");
		svg.append("<text class=\"segment-label\" x=\"")
			.append(n(s.labelX()))
			.append("\" y=\"")
			.append(n(s.labelY()))
			.append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"")
			.append(v.colour())
			.append("\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">")
			.append(escape(s.label()))
			.append("</text></g>");
	}

	private static void node(StringBuilder svg, Node n) {
		svg.append("<g class=\"node\" data-node=\"")
			.append(n.id())
			.append("\" data-role=\"")
			.append(n.role().name().toLowerCase(Locale.ROOT))
			.append("\"><title>")
			.append(escape(n.describe()))
			.append("</title><rect x=\"")
			.append(n.x())
			.append("\" y=\"")
			.append(n.y())
			.append("\" width=\"")
			.append(n.width())
			.append("\" height=\"")
			.append(n.height())
			.append("\" rx=\"8\" fill=\"#f3f4f6\" stroke=\"#374151\" stroke-width=\"1.5\"/>");
		svg.append("<text class=\"node-name\" x=\"")
			.append(n.centreX())
			.append("\" y=\"")
			.append(n.y() + 20)
			.append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#111827\">")
			.append(escape(BoxText.name(n.name(), n.width())))
			.append("</text>");
		String second = n.name().equals(n.role().words()) ? n.address() : n.role().words();
		svg.append("<text class=\"node-address\" x=\"")
			.append(n.centreX())
			.append("\" y=\"")
			.append(n.y() + 37)
			.append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#374151\">")
			.append(escape(BoxText.detail(second, n.width())))
			.append("</text>");
		if (!n.name().equals(n.role().words())) {
			svg.append("<text class=\"node-address\" x=\"")
				.append(n.centreX())
				.append("\" y=\"")
				.append(n.y() + 51)
				.append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#374151\">")
				.append(escape(BoxText.detail(n.address(), n.width())))
				.append("</text>");
		}
		svg.append("</g>");
	}

	private static void legend(StringBuilder svg, CallPathDiagram diagram) {
		int y = diagram.legendY();
		int x = CallPathLayout.MARGIN;
		svg.append("<g class=\"legend\"><text x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" font-size=\"12\" font-weight=\"bold\" fill=\"#111827\">Legend</text>");
		int step = Math.max(150, (diagram.width() - 2 * x - 60) / Verdict.values().length);
		for (int i = 0; i < Verdict.values().length; i++) {
			Verdict v = Verdict.values()[i];
			int lx = x + 60 + i * step;
			svg.append("<g class=\"legend-entry\" data-verdict=\"")
				.append(v.name().toLowerCase(Locale.ROOT))
				.append("\"><line x1=\"")
				.append(lx)
				.append("\" y1=\"")
				.append(y - 4)
				.append("\" x2=\"")
				.append(lx + 40)
				.append("\" y2=\"")
				.append(y - 4)
				.append("\" stroke=\"")
				.append(v.colour())
				.append("\" stroke-width=\"4\"");
			if (!v.dashes().isEmpty()) {
				svg.append(" stroke-dasharray=\"").append(v.dashes()).append('"');
			}
			svg.append("/><text x=\"")
				.append(lx + 48)
				.append("\" y=\"")
				.append(y)
				.append("\" font-size=\"12\" fill=\"#111827\">")
				.append(escape(Character.toUpperCase(v.words().charAt(0)) + v.words().substring(1)))
				.append("</text></g>");
		}
		svg.append("<text x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y + 24)
			.append("\" font-size=\"11\" fill=\"#374151\">")
			.append(escape(
					"Thick lines: SIP signalling between the boxes. Thin lines curving below: media (RTP or SRTP)."
							+ " Each line names its protocol and verdict."))
			.append("</text></g>");
	}

	private static String n(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	/** XML text and attribute escaping. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
						out.append(' ');
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
