package io.trunkguard.engagement;

import java.util.List;

/**
 * A population as a table of text: a header and one row per record, for CSV, XLSX or
 * JSON.
 */
public record PopulationTable(AuditPopulation population, List<String> header, List<List<String>> rows) {

	public PopulationTable {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

}
