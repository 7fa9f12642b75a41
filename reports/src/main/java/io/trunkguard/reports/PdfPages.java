package io.trunkguard.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every page of every evidence PDF carries: "Page n of m" and the moment the file
 * was generated in its footer, and, on a draft, "DRAFT" across the page and in its
 * header. Each writer opens its PDF through {@link #writer}, so no report can leave it
 * out.
 */
public final class PdfPages extends PdfPageEventHelper {

	private static final float FOOTER_SIZE = 7.5f;

	private final String generated;

	private final String draft;

	private final BaseFont font;

	private PdfTemplate total;

	private PdfPages(String generatedAt, String draft) {
		this.generated = "Generated " + generatedAt + " by Trunkguard";
		this.draft = draft;
		try {
			this.font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The PDF writer for {@code document} with the page footer ("Page n of m", generation
	 * time) and, when {@code draft} is not null, "DRAFT" on every page with that sentence
	 * in the header (e.g. "DRAFT: the campaign is not signed off"). Call before
	 * {@code document.open()}.
	 */
	public static PdfWriter writer(Document document, OutputStream out, Instant generatedAt, String draft) {
		return writer(document, out, ReportTimes.time(generatedAt), draft);
	}

	/**
	 * As {@link #writer(Document, OutputStream, Instant, String)}, the time already
	 * written out.
	 */
	public static PdfWriter writer(Document document, OutputStream out, String generatedAt, String draft) {
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PdfPages(generatedAt, draft));
		return writer;
	}

	@Override
	public void onOpenDocument(PdfWriter writer, Document document) {
		total = writer.getDirectContent().createTemplate(40, 12);
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		PdfContentByte over = writer.getDirectContent();
		Rectangle page = document.getPageSize();
		float y = document.bottomMargin() / 2;
		String pageOf = "Page " + writer.getPageNumber() + " of ";
		over.saveState();
		over.beginText();
		over.setFontAndSize(font, FOOTER_SIZE);
		over.setColorFill(Color.DARK_GRAY);
		over.showTextAligned(Element.ALIGN_LEFT, generated, document.leftMargin(), y, 0);
		float x = page.getWidth() - document.rightMargin() - 40 - font.getWidthPoint(pageOf, FOOTER_SIZE);
		over.showTextAligned(Element.ALIGN_LEFT, pageOf, x, y, 0);
		over.endText();
		over.addTemplate(total, x + font.getWidthPoint(pageOf, FOOTER_SIZE), y);
		over.restoreState();
		if (draft != null) {
			over.saveState();
			over.beginText();
			over.setFontAndSize(font, 9);
			over.setColorFill(new Color(0xC6, 0x28, 0x28));
			over.showTextAligned(Element.ALIGN_RIGHT, draft, page.getWidth() - document.rightMargin(),
					page.getHeight() - document.topMargin() / 2, 0);
			over.endText();
			over.restoreState();
			PdfContentByte under = writer.getDirectContentUnder();
			under.saveState();
			PdfGState light = new PdfGState();
			light.setFillOpacity(0.12f);
			under.setGState(light);
			under.beginText();
			under.setFontAndSize(font, 110);
			under.setColorFill(new Color(0xC6, 0x28, 0x28));
			under.showTextAligned(Element.ALIGN_CENTER, "DRAFT", page.getWidth() / 2, page.getHeight() / 2 - 40, 30);
			under.endText();
			under.restoreState();
		}
	}

	@Override
	public void onCloseDocument(PdfWriter writer, Document document) {
		total.beginText();
		total.setFontAndSize(font, FOOTER_SIZE);
		total.setColorFill(Color.DARK_GRAY);
		total.setTextMatrix(0, 0);
		total.showText(String.valueOf(writer.getPageNumber() - 1));
		total.endText();
	}

}
