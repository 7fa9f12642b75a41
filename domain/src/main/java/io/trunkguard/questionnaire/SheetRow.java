package io.trunkguard.questionnaire;

import java.util.List;

/**
 * One row of an uploaded spreadsheet, as text.
 *
 * @param number the row number as the spreadsheet shows it (1 = the header row)
 * @param cells the cells' text, from column A; empty for a blank cell
 * @param formulaCells the references (e.g. {@code C7}) of cells holding a formula, which
 * are refused
 */
public record SheetRow(int number, List<String> cells, List<String> formulaCells) {

	public SheetRow {
		cells = List.copyOf(cells);
		formulaCells = List.copyOf(formulaCells);
	}

	/** The text of column {@code index} (0 = A), stripped; empty when missing. */
	public String cell(int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
	}

	public boolean isBlank() {
		return formulaCells.isEmpty() && cells.stream().allMatch(c -> c == null || c.isBlank());
	}

}
