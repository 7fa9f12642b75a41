package io.trunkguard.reports;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

	@Test
	void quotePrefixesEveryFormulaPrefixAndKeepsTheTextAsRecorded() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Row row = workbook.createSheet("s").createRow(0);
			List<String> values = List.of("=1+1", "+44 20", "-2", "@SUM(A1)", "\tcmd", "\rcmd");
			for (int i = 0; i < values.size(); i++) {
				SpreadsheetText.write(row, i, values.get(i));
			}
			for (int i = 0; i < values.size(); i++) {
				assertThat(row.getCell(i).getStringCellValue()).isEqualTo(values.get(i));
				assertThat(row.getCell(i).getCellStyle().getQuotePrefixed()).as(values.get(i)).isTrue();
			}
			assertThat(workbook.getNumCellStyles()).as("one quote-prefixed style, shared").isEqualTo(2);
		}
	}

	@Test
	void leavesOrdinaryTextAlone() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Row row = workbook.createSheet("s").createRow(0);
			SpreadsheetText.write(row, 0, "plain");
			SpreadsheetText.write(row, 1, null);

			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("plain");
			assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(row.getCell(1).getStringCellValue()).isEmpty();
		}
	}

}
