package io.trunkguard.questionnaire.reports;

import io.trunkguard.questionnaire.QuestionType;
import io.trunkguard.questionnaire.QuestionnaireSheets;
import io.trunkguard.questionnaire.SheetRow;
import io.trunkguard.questionnaire.TemplateQuestion;
import io.trunkguard.reports.SpreadsheetText;
import io.trunkguard.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * XLSX questionnaires: rows read as text (formula cells named), offline workbooks
 * written.
 */
@Component
class XlsxQuestionnaireSheets implements QuestionnaireSheets {

	/** More rows than any questionnaire has: a larger sheet is refused. */
	static final int MAX_ROWS = 2000;

	private static final int MAX_COLUMNS = 20;

	@Override
	public List<SheetRow> read(InputStream xlsx) {
		XSSFWorkbook workbook;
		try {
			workbook = new XSSFWorkbook(xlsx);
		}
		catch (IOException | RuntimeException e) {
			throw new InvalidInputException("questionnaire.not-a-workbook",
					"the file is not a readable Excel workbook (.xlsx)");
		}
		try (workbook) {
			if (workbook.getNumberOfSheets() == 0) {
				return List.of();
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() >= MAX_ROWS) {
				throw new InvalidInputException("questionnaire.sheet-too-long",
						"the sheet has more than " + MAX_ROWS + " rows");
			}
			List<SheetRow> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				List<String> formulas = new ArrayList<>();
				if (row != null) {
					int last = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
					for (int c = 0; c < last; c++) {
						Cell cell = row.getCell(c);
						if (SpreadsheetText.isFormula(cell)) {
							formulas.add(new CellReference(r, c).formatAsString(false));
							cells.add("");
						}
						else {
							cells.add(SpreadsheetText.read(cell));
						}
					}
				}
				rows.add(new SheetRow(r + 1, cells, formulas));
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public byte[] write(OfflineQuestionnaire questionnaire) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = workbook.createSheet("Questions");
			Row header = sheet.createRow(0);
			for (int c = 0; c < ANSWER_COLUMNS.size(); c++) {
				SpreadsheetText.write(header, c, ANSWER_COLUMNS.get(c)).setCellStyle(bold);
			}
			int r = 1;
			for (TemplateQuestion q : questionnaire.questions()) {
				Row row = sheet.createRow(r++);
				SpreadsheetText.write(row, 0, q.section());
				SpreadsheetText.write(row, 1, q.code());
				SpreadsheetText.write(row, 2, q.text());
				SpreadsheetText.write(row, 3, q.type().label());
				SpreadsheetText.write(row, 4, String.join(" | ", q.choiceList()));
				SpreadsheetText.write(row, 5,
						q.type() == QuestionType.FILE ? "Attach the file through the questionnaire's link." : q.help());
				SpreadsheetText.write(row, 6, questionnaire.answers().get(q.code()));
			}
			sheet.setColumnWidth(0, 24 * 256);
			sheet.setColumnWidth(2, 70 * 256);
			sheet.setColumnWidth(4, 30 * 256);
			sheet.setColumnWidth(5, 40 * 256);
			sheet.setColumnWidth(6, 40 * 256);
			sheet.createFreezePane(0, 1);
			Sheet about = workbook.createSheet("About");
			String[][] facts = { { "Carrier", questionnaire.vendorName() },
					{ "Questionnaire", questionnaire.templateName() }, { "Contact", questionnaire.contactName() },
					{ "Answer by", questionnaire.expiresOn() },
					{ "How to answer",
							"Write each answer in the Answer column of the Questions sheet: Yes or No, one of the "
									+ "choices, several choices separated by |, dates as YYYY-MM-DD. Type values, "
									+ "not formulas: a formula is refused. Do not change the Id column." } };
			for (int i = 0; i < facts.length; i++) {
				Row row = about.createRow(i);
				SpreadsheetText.write(row, 0, facts[i][0]).setCellStyle(bold);
				SpreadsheetText.write(row, 1, facts[i][1]);
			}
			about.setColumnWidth(1, 90 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
