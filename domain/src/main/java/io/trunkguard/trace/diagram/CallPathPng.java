package io.trunkguard.trace.diagram;

import io.trunkguard.trace.diagram.CallPathDiagram.Kind;
import io.trunkguard.trace.diagram.CallPathDiagram.Node;
import io.trunkguard.trace.diagram.CallPathDiagram.Segment;
import io.trunkguard.trace.diagram.CallPathDiagram.Verdict;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws a {@link CallPathDiagram} as a PNG with Java2D (headless): the same boxes,
 * curves, colours, dash patterns, words and legend as {@link CallPathSvg}, for the PDF
 * report (OpenPDF cannot embed SVG) and for download.
 */
public final class CallPathPng {

	private static final String FONT = "DejaVu Sans";

	private CallPathPng() {
	}

	/**
	 * The most pixels one image may have (64 MB as RGB); larger drawings get a smaller
	 * scale.
	 */
	static final long MAX_PIXELS = 16_000_000L;

	/**
	 * The PNG at {@code scale} pixels per user unit (2 for print), or at the largest
	 * scale under {@link #MAX_PIXELS} if the drawing is that large.
	 */
	public static byte[] render(CallPathDiagram diagram, int requestedScale) {
		double area = (double) diagram.width() * diagram.height();
		double scale = Math.min(requestedScale, Math.sqrt(MAX_PIXELS / area));
		BufferedImage image = new BufferedImage((int) Math.ceil(diagram.width() * scale),
				(int) Math.ceil(diagram.height() * scale), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.scale(scale, scale);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, diagram.width(), diagram.height());
			g.setColor(new Color(0x111827));
			g.setFont(new Font(FONT, Font.BOLD, 15));
			g.drawString(diagram.title(), CallPathLayout.MARGIN, CallPathLayout.MARGIN + 6);
			if (diagram.empty()) {
				g.setFont(new Font(FONT, Font.PLAIN, 13));
				g.drawString(diagram.description(), CallPathLayout.MARGIN, CallPathLayout.MARGIN + 40);
			}
			for (Segment s : diagram.segments()) {
				g.setColor(colour(s.verdict()));
				g.setStroke(stroke(s.verdict(), s.kind() == Kind.SIGNALLING ? 4f : 2.5f));
				g.draw(new QuadCurve2D.Double(s.x1(), s.y1(), s.cx(), s.cy(), s.x2(), s.y2()));
			}
			for (Segment s : diagram.segments()) {
				haloText(g, s.label(), s.labelX(), s.labelY(), new Font(FONT, Font.PLAIN, 12), colour(s.verdict()));
			}
			for (Node n : diagram.nodes()) {
				RoundRectangle2D box = new RoundRectangle2D.Double(n.x(), n.y(), n.width(), n.height(), 16, 16);
				g.setColor(new Color(0xf3f4f6));
				g.fill(box);
				g.setColor(new Color(0x374151));
				g.setStroke(new BasicStroke(1.5f));
				g.draw(box);
				centred(g, CallPathSvg.fit(n.name(), 26), n.centreX(), n.y() + 20, new Font(FONT, Font.BOLD, 13),
						new Color(0x111827));
				boolean named = !n.name().equals(n.role().words());
				centred(g, CallPathSvg.fit(named ? n.role().words() : n.address(), 32), n.centreX(), n.y() + 37,
						new Font(FONT, Font.PLAIN, 11), new Color(0x374151));
				if (named) {
					centred(g, CallPathSvg.fit(n.address(), 32), n.centreX(), n.y() + 51,
							new Font(FONT, Font.PLAIN, 11), new Color(0x374151));
				}
			}
			legend(g, diagram);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the call-path diagram as PNG", e);
		}
		return out.toByteArray();
	}

	private static void legend(Graphics2D g, CallPathDiagram diagram) {
		int y = diagram.legendY();
		int x = CallPathLayout.MARGIN;
		g.setColor(new Color(0x111827));
		g.setFont(new Font(FONT, Font.BOLD, 12));
		g.drawString("Legend", x, y);
		int step = Math.max(150, (diagram.width() - 2 * x - 60) / Verdict.values().length);
		g.setFont(new Font(FONT, Font.PLAIN, 12));
		for (int i = 0; i < Verdict.values().length; i++) {
			Verdict v = Verdict.values()[i];
			int lx = x + 60 + i * step;
			g.setColor(colour(v));
			g.setStroke(stroke(v, 4f));
			g.drawLine(lx, y - 4, lx + 40, y - 4);
			g.setColor(new Color(0x111827));
			g.drawString(Character.toUpperCase(v.words().charAt(0)) + v.words().substring(1), lx + 48, y);
		}
		g.setColor(new Color(0x374151));
		g.setFont(new Font(FONT, Font.PLAIN, 11));
		g.drawString("Thick lines: SIP signalling between the boxes. Thin lines curving below: media (RTP or SRTP)."
				+ " Each line names its protocol and verdict.", x, y + 24);
	}

	private static void centred(Graphics2D g, String text, double cx, double y, Font font, Color colour) {
		g.setFont(font);
		g.setColor(colour);
		FontMetrics metrics = g.getFontMetrics();
		g.drawString(text, (float) (cx - metrics.stringWidth(text) / 2.0), (float) y);
	}

	private static void haloText(Graphics2D g, String text, double cx, double y, Font font, Color colour) {
		g.setFont(font);
		FontMetrics metrics = g.getFontMetrics();
		double width = metrics.stringWidth(text);
		g.setColor(Color.WHITE);
		g.fill(new RoundRectangle2D.Double(cx - width / 2 - 3, y - metrics.getAscent(), width + 6,
				metrics.getAscent() + metrics.getDescent(), 6, 6));
		g.setColor(colour);
		g.drawString(text, (float) (cx - width / 2), (float) y);
	}

	static Color colour(Verdict verdict) {
		return Color.decode(verdict.colour());
	}

	private static Stroke stroke(Verdict verdict, float width) {
		if (verdict.dashes().isEmpty()) {
			return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
		}
		String[] parts = verdict.dashes().split(" ");
		float[] dashes = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			dashes[i] = Float.parseFloat(parts[i]);
		}
		return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
	}

}
