package io.trunkguard.reports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Text for spreadsheet cells: a value starting with {@code =}, {@code +}, {@code -} or
 * {@code @} (or a tab or carriage return) would be read as a formula by spreadsheet
 * programs. Such a cell gets the quote-prefix cell style (what typing an apostrophe in
 * front does in Excel or LibreOffice), so it stays inert text while its value is exactly
 * what was recorded.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** Whether a spreadsheet program would read {@code value} as a formula. */
	public static boolean looksLikeFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * Writes {@code value} (null: empty) as text into a new cell of {@code row}, quote
	 * prefixed when it looks like a formula.
	 */
	public static Cell write(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		String text = value == null ? "" : value;
		cell.setCellValue(text);
		if (looksLikeFormula(text)) {
			cell.setCellStyle(quotePrefixed(row.getSheet().getWorkbook()));
		}
		return cell;
	}

	/**
	 * The text a person sees in {@code cell} (null: empty): a string as is, a whole
	 * number without decimals, a date as ISO 8601, a boolean as "Yes" or "No". A formula
	 * cell has no text here: check {@link #isFormula(Cell)} first and refuse it.
	 */
	public static String read(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
					? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "Yes" : "No";
			default -> "";
		};
	}

	/** Whether the cell holds a formula (which an import refuses). */
	public static boolean isFormula(Cell cell) {
		return cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA;
	}

	/** The workbook's quote-prefixed style, created once. */
	private static CellStyle quotePrefixed(Workbook workbook) {
		for (int i = 0; i < workbook.getNumCellStyles(); i++) {
			CellStyle style = workbook.getCellStyleAt(i);
			if (style.getQuotePrefixed()) {
				return style;
			}
		}
		CellStyle style = workbook.createCellStyle();
		style.setQuotePrefixed(true);
		return style;
	}

	/**
	 * {@code value} (null: empty) as one CSV field: quoted when it holds a comma, quote
	 * or line break, and prefixed with an apostrophe when a spreadsheet program would
	 * read it as a formula (the CSV counterpart of the quote-prefixed cell).
	 */
	public static String csvField(String value) {
		String text = value == null ? "" : value;
		if (looksLikeFormula(text)) {
			text = "'" + text;
		}
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0 || text.indexOf(';') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
