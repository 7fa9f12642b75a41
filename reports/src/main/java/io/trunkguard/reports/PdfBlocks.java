package io.trunkguard.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.awt.Color;

/**
 * The house style of every evidence PDF: the fonts, section headings, full-width tables
 * with a shaded header row.
 */
public final class PdfBlocks {

	public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);

	public static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);

	public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

	public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f);

	public static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f);

	public static final Color HEADER_BG = new Color(0xE8, 0xEE, 0xF5);

	private PdfBlocks() {
	}

	public static void section(Document document, String title) {
		Paragraph heading = new Paragraph(title, HEADING);
		heading.setSpacingBefore(12);
		heading.setSpacingAfter(4);
		document.add(heading);
	}

	/**
	 * A full-width table with the given relative column widths and, when headers are
	 * given, a repeated header row.
	 */
	public static PdfPTable table(float[] widths, String... headers) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(headers.length == 0 ? 0 : 1);
		for (String header : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(header, SMALL_BOLD));
			cell.setBackgroundColor(HEADER_BG);
			table.addCell(cell);
		}
		return table;
	}

	/**
	 * A label and its value; a missing value shows as a dash, so a blank is never
	 * mistaken for a lost field.
	 */
	public static void fact(PdfPTable table, String label, String value) {
		table.addCell(new PdfPCell(new Phrase(label, SMALL_BOLD)));
		table.addCell(new PdfPCell(new Phrase(value == null || value.isEmpty() ? "–" : value, SMALL)));
	}

	public static void cells(PdfPTable table, String... values) {
		for (String value : values) {
			table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, SMALL)));
		}
	}

	/** When the table has no rows, one row across all columns saying so. */
	public static void empty(PdfPTable table, boolean empty, int columns, String text) {
		if (empty) {
			PdfPCell cell = new PdfPCell(new Phrase(text, SMALL));
			cell.setColspan(columns);
			table.addCell(cell);
		}
	}

}
