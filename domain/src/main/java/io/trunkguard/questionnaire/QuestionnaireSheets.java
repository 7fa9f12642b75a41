package io.trunkguard.questionnaire;

import java.io.InputStream;
import java.util.List;

/**
 * Reads and writes questionnaire spreadsheets (XLSX); implemented by the reports module,
 * the only one that touches a spreadsheet library.
 */
public interface QuestionnaireSheets {

	/**
	 * Every row of the first sheet, the header included. Refuses a file that is not a
	 * readable XLSX workbook with {@link io.trunkguard.shared.InvalidInputException}.
	 */
	List<SheetRow> read(InputStream xlsx);

	/** A workbook with one row per question for answering offline. */
	byte[] write(OfflineQuestionnaire questionnaire);

	/**
	 * What the offline workbook holds.
	 *
	 * @param answers the answers given so far, by question code
	 */
	record OfflineQuestionnaire(String vendorName, String templateName, String contactName, String expiresOn,
			List<TemplateQuestion> questions, java.util.Map<String, String> answers) {
	}

	/** The columns of a template spreadsheet, in order. */
	List<String> TEMPLATE_COLUMNS = List.of("Section", "Id", "Question", "Type", "Choices", "Expected answer", "Help",
			"Weight");

	/** The columns of an offline questionnaire, in order. */
	List<String> ANSWER_COLUMNS = List.of("Section", "Id", "Question", "Type", "Choices", "Help", "Answer");

}
