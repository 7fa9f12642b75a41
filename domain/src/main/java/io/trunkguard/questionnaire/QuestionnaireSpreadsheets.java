package io.trunkguard.questionnaire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.InputStream;
import java.util.UUID;

/**
 * Questionnaires in spreadsheets: a lead imports a template (one row per question:
 * section, id, text, type, choices, expected answer, help, weight) and exports a sent
 * questionnaire for answering offline, then imports the answered file. Formula cells are
 * refused, every bad row is listed by its number, and nothing is half-imported. Every
 * import and export is audited. Errors:
 * {@link io.trunkguard.shared.InvalidInputException} (bad rows, not a workbook),
 * {@link io.trunkguard.shared.InvalidStateException} (the questionnaire is no longer
 * open), {@link io.trunkguard.shared.ConflictException} (a template of that name exists).
 */
public interface QuestionnaireSpreadsheets {

	QuestionnaireTemplate importTemplate(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String description,
			@NotNull InputStream xlsx, String fileName, @NotBlank String actor);

	/** The questionnaire (with the answers so far) as an XLSX workbook. */
	byte[] exportForOffline(@NotNull UUID questionnaireId, @NotBlank String actor);

	/**
	 * Saves the answers of an answered offline workbook (and submits them when
	 * {@code submit}), only while the questionnaire is open; the file is kept with its
	 * SHA-256. Returns how many answers were imported.
	 */
	int importAnswers(@NotNull UUID questionnaireId, @NotNull InputStream xlsx, String fileName, boolean submit,
			@NotBlank String actor);

}
