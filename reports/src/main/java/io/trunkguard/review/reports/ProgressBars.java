package io.trunkguard.review.reports;

import java.awt.Color;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import io.trunkguard.review.ProgressRow;

import static io.trunkguard.reports.PdfBlocks.BODY;
import static io.trunkguard.reports.PdfBlocks.SMALL;

/**
 * The campaign's progress as horizontal stacked bars in the PDF, as on the campaign page:
 * per reviewer or per system, kept (green), revoked or reduced (red) and undecided (grey)
 * items, scaled to the largest row, with the counts and the revocations pending
 * remediation beside each bar.
 */
final class ProgressBars {

	static final Color KEPT = new Color(0x2E, 0x7D, 0x32);

	static final Color REVOKED = new Color(0xC6, 0x28, 0x28);

	static final Color UNDECIDED = new Color(0xCF, 0xD8, 0xDC);

	private ProgressBars() {
	}

	static void add(Document document, String title, List<ProgressRow> rows) {
		document.add(new Paragraph(title, BODY));
		long max = Math.max(1, rows.stream().mapToLong(ProgressRow::items).max().orElse(1));
		PdfPTable chart = new PdfPTable(new float[] { 2.2f, 6, 3 });
		chart.setWidthPercentage(100);
		chart.setSpacingAfter(6);
		for (ProgressRow row : rows) {
			long revoked = Math.min(row.revoked(), row.decided());
			long kept = row.decided() - revoked;
			long undecided = row.undecided();
			chart.addCell(plain(row.key()));
			PdfPTable bar = new PdfPTable(
					new float[] { weight(kept), weight(revoked), weight(undecided), weight(max - row.items()) });
			bar.setWidthPercentage(100);
			bar.addCell(segment(kept > 0 ? KEPT : null));
			bar.addCell(segment(revoked > 0 ? REVOKED : null));
			bar.addCell(segment(undecided > 0 ? UNDECIDED : null));
			bar.addCell(segment(null));
			PdfPCell holder = new PdfPCell(bar);
			holder.setBorder(Rectangle.NO_BORDER);
			holder.setPadding(1);
			chart.addCell(holder);
			chart.addCell(plain(kept + " kept, " + revoked + " revoked, " + undecided + " open"
					+ (row.pendingRemediation() > 0 ? ", " + row.pendingRemediation() + " to remediate" : "")));
		}
		if (rows.isEmpty()) {
			PdfPCell none = plain("No items.");
			none.setColspan(3);
			chart.addCell(none);
		}
		document.add(chart);
	}

	private static float weight(long count) {
		return Math.max(count, 0) + 0.0001f;
	}

	private static PdfPCell segment(Color color) {
		PdfPCell cell = new PdfPCell(new Phrase(" ", SMALL));
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setFixedHeight(9);
		if (color != null) {
			cell.setBackgroundColor(color);
		}
		return cell;
	}

	private static PdfPCell plain(String text) {
		PdfPCell cell = new PdfPCell(new Phrase(text, SMALL));
		cell.setBorder(Rectangle.NO_BORDER);
		return cell;
	}

}
