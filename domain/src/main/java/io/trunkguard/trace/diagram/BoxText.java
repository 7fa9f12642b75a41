package io.trunkguard.trace.diagram;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * The text written on the diagram: a box's lines cut to the box's width as the font
 * measures it (not by counting characters: "Northwind Carrier Services" in bold is wider
 * than a box though it has only 26 characters). The SVG and the PNG both write what this
 * gives, so they cut at the same place; the SVG names DejaVu Sans first, the font the PNG
 * is measured and drawn with.
 */
final class BoxText {

	static final String FONT = "DejaVu Sans";

	/** The box's name line. */
	static final Font NAME = new Font(FONT, Font.BOLD, 13);

	/** The box's role and address lines. */
	static final Font DETAIL = new Font(FONT, Font.PLAIN, 11);

	/** The words on a line between boxes. */
	static final Font SEGMENT = new Font(FONT, Font.PLAIN, 12);

	/** Room left inside a box for its text, each side. */
	static final int PADDING = 8;

	private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

	private BoxText() {
	}

	/** The name as it fits a box of {@code boxWidth}. */
	static String name(String text, int boxWidth) {
		return fit(text, NAME, boxWidth - 2 * PADDING);
	}

	/** A role or address line as it fits a box of {@code boxWidth}. */
	static String detail(String text, int boxWidth) {
		return fit(text, DETAIL, boxWidth - 2 * PADDING);
	}

	/**
	 * {@code text} whole if it is no wider than {@code width} pixels in {@code font},
	 * else its longest beginning that fits with an ellipsis after it.
	 */
	static String fit(String text, Font font, double width) {
		if (text == null || text.isEmpty() || width(text, font) <= width) {
			return text == null ? "" : text;
		}
		int low = 0;
		int high = text.length();
		// the longest prefix p with width(p + "…") <= width, by bisection
		while (low < high) {
			int middle = (low + high + 1) / 2;
			if (width(text.substring(0, middle).stripTrailing() + "…", font) <= width) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return text.substring(0, low).stripTrailing() + "…";
	}

	static double width(String text, Font font) {
		return font.getStringBounds(text, MEASURE).getWidth();
	}

}
