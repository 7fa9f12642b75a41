package io.trunkguard.questionnaire.reports;

import io.trunkguard.questionnaire.QuestionType;
import io.trunkguard.questionnaire.QuestionnaireSheets.OfflineQuestionnaire;
import io.trunkguard.questionnaire.SheetRow;
import io.trunkguard.questionnaire.TemplateQuestion;
import io.trunkguard.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxQuestionnaireSheetsTest {

	XlsxQuestionnaireSheets sheets = new XlsxQuestionnaireSheets();

	@Test
	void writesAQuestionnaireThatReadsBackWithItsAnswersAndInertFormulaText() {
		List<TemplateQuestion> questions = List.of(
				new TemplateQuestion("Encryption", "ENC-1", "Do you offer SIP over TLS 1.2 or newer?",
						QuestionType.YES_NO, null, "Yes", "Signalling only", 1),
				new TemplateQuestion("Encryption", "ENC-2", "=HYPERLINK(\"http://evil\")", QuestionType.TEXT, null,
						null, null, 1));
		byte[] xlsx = sheets.write(new OfflineQuestionnaire("Northwind", "Voice carrier", "Rebecca Holm", "2027-01-31",
				questions, Map.of("ENC-1", "Yes")));

		List<SheetRow> rows = sheets.read(new ByteArrayInputStream(xlsx));

		assertThat(rows.get(0).cells()).startsWith("Section", "Id", "Question", "Type", "Choices", "Help", "Answer");
		assertThat(rows.get(1).cells()).containsExactly("Encryption", "ENC-1",
				"Do you offer SIP over TLS 1.2 or newer?", "Yes or no", "Yes | No", "Signalling only", "Yes");
		assertThat(rows.get(2).cell(2)).isEqualTo("=HYPERLINK(\"http://evil\")");
		assertThat(rows.get(2).formulaCells()).isEmpty();
	}

	@Test
	void namesFormulaCellsAndReadsNumbersDatesAndBooleansAsText() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Questions");
			sheet.createRow(0).createCell(0).setCellValue("Section");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("Access");
			row.createCell(1).setCellFormula("1+1");
			row.createCell(2).setCellValue(3.0);
			row.createCell(3).setCellValue(true);
			var date = row.createCell(4);
			date.setCellValue(LocalDate.of(2027, 2, 28));
			var style = workbook.createCellStyle();
			style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			date.setCellStyle(style);
			workbook.write(out);

			List<SheetRow> rows = sheets.read(new ByteArrayInputStream(out.toByteArray()));

			assertThat(rows.get(1).formulaCells()).containsExactly("B2");
			assertThat(rows.get(1).cells()).containsExactly("Access", "", "3", "Yes", "2027-02-28");
		}
	}

	@Test
	void refusesAFileThatIsNotAWorkbook() {
		assertThatThrownBy(() -> sheets.read(new ByteArrayInputStream("Section,Id\n".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("the file is not a readable Excel workbook (.xlsx)");
	}

}
