package io.trunkguard.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table (a header and rows of text, e.g. the audit trail's filtered entries) as a file:
 * XLSX streamed row by row, or CSV in UTF-8. Every cell goes through
 * {@link SpreadsheetText}, so a recorded value that looks like a formula stays text.
 */
public final class TableExport {

	private TableExport() {
	}

	/** Writes the header and the rows as one sheet. */
	public static void xlsx(String sheetName, List<String> header, Iterable<List<String>> rows, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			var head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				SpreadsheetText.write(head, c, header.get(c)).setCellStyle(bold);
			}
			int r = 1;
			for (List<String> values : rows) {
				var row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					SpreadsheetText.write(row, c, values.get(c));
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			workbook.dispose();
		}
	}

	/**
	 * Writes the header and the rows as CSV (comma separated, CRLF, UTF-8 with a byte
	 * order mark).
	 */
	public static void csv(List<String> header, Iterable<List<String>> rows, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		line(writer, header);
		for (List<String> values : rows) {
			line(writer, values);
		}
		writer.flush();
	}

	private static void line(Writer writer, List<String> values) throws IOException {
		for (int c = 0; c < values.size(); c++) {
			if (c > 0) {
				writer.write(',');
			}
			writer.write(SpreadsheetText.csvField(values.get(c)));
		}
		writer.write("\r\n");
	}

}
