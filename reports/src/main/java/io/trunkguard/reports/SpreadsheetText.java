package io.trunkguard.reports;

/**
 * Text for spreadsheet cells: a value starting with {@code =}, {@code +}, {@code -} or
 * {@code @} (or a tab or carriage return) would be read as a formula by spreadsheet
 * programs; it is prefixed with an apostrophe so it stays text.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
