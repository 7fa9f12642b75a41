package io.trunkguard.questionnaire.web;

import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.questionnaire.QuestionnaireSpreadsheets;
import io.trunkguard.questionnaire.QuestionnaireTemplate;
import io.trunkguard.questionnaire.TemplateQuestion;
import io.trunkguard.questionnaire.TemplateRemoval;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.VendorId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Questionnaire templates and offline questionnaires through the REST API: list, import
 * (XLSX), rename and remove templates, export a sent questionnaire as XLSX and import the
 * answered file. Bad rows come back as one RFC 9457 problem listing every row.
 */
@RestController
class QuestionnaireSheetsApi {

	record TemplateResponse(String id, String name, String description, String createdBy, Instant createdAt,
			boolean retired, Instant retiredAt, List<TemplateQuestion> questions) {

		static TemplateResponse of(QuestionnaireTemplate t) {
			return new TemplateResponse(t.getId().toString(), t.getName(), t.getDescription(), t.getCreatedBy(),
					t.getCreatedAt(), t.isRetired(), t.getRetiredAt(), t.getQuestions());
		}
	}

	record RenameTemplate(String name) {
	}

	/**
	 * What removing did: {@code DELETED}, or {@code RETIRED} when questionnaires were
	 * sent from it; {@code message} says so in a sentence.
	 */
	record TemplateRemoved(String templateId, TemplateRemoval outcome, String message) {
	}

	record AnswersImported(String questionnaireId, int answers, boolean submitted) {
	}

	private final QuestionnaireService questionnaires;

	private final QuestionnaireSpreadsheets spreadsheets;

	QuestionnaireSheetsApi(QuestionnaireService questionnaires, QuestionnaireSpreadsheets spreadsheets) {
		this.questionnaires = questionnaires;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/api/vendors/questionnaire-templates")
	List<TemplateResponse> templates() {
		questionnaires.defaultTemplate();
		return questionnaires.templates().stream().map(TemplateResponse::of).toList();
	}

	@PostMapping(path = "/api/vendors/questionnaire-templates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<TemplateResponse> importTemplate(@RequestParam String name,
			@RequestParam(required = false) String description, @RequestPart(required = false) MultipartFile file,
			Authentication user) {
		Sentences.requireFile(file);
		try (InputStream in = file.getInputStream()) {
			TemplateResponse created = TemplateResponse
				.of(spreadsheets.importTemplate(name, description, in, file.getOriginalFilename(), user.getName()));
			return ResponseEntity.created(URI.create("/vendors/questionnaire-templates/" + created.id())).body(created);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PatchMapping("/api/vendors/questionnaire-templates/{templateId}")
	TemplateResponse rename(@PathVariable UUID templateId, @RequestBody RenameTemplate body, Authentication user) {
		if (body == null || body.name() == null || body.name().isBlank()) {
			throw new InvalidInputException("questionnaire.template-name", "give the template's new name",
					java.util.Map.of("name", "must not be blank"));
		}
		return TemplateResponse.of(questionnaires.renameTemplate(templateId, body.name(), user.getName()));
	}

	@DeleteMapping("/api/vendors/questionnaire-templates/{templateId}")
	TemplateRemoved remove(@PathVariable UUID templateId, Authentication user) {
		String name = questionnaires.template(templateId).getName();
		TemplateRemoval outcome = questionnaires.removeTemplate(templateId, user.getName());
		return new TemplateRemoved(templateId.toString(), outcome, TemplatePages.removalSentence(name, outcome));
	}

	@GetMapping("/api/vendors/{id}/questionnaires/{questionnaireId}/offline.xlsx")
	ResponseEntity<byte[]> export(@PathVariable VendorId id, @PathVariable UUID questionnaireId, Authentication user) {
		owned(id, questionnaireId);
		return ResponseEntity.ok()
			.contentType(TemplatePages.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("questionnaire-" + questionnaireId + ".xlsx")
						.build()
						.toString())
			.body(spreadsheets.exportForOffline(questionnaireId, user.getName()));
	}

	@PostMapping("/api/vendors/{id}/questionnaires/{questionnaireId}/offline")
	AnswersImported importAnswers(@PathVariable VendorId id, @PathVariable UUID questionnaireId,
			@RequestPart(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean submit,
			Authentication user) {
		owned(id, questionnaireId);
		Sentences.requireFile(file);
		try (InputStream in = file.getInputStream()) {
			int answers = spreadsheets.importAnswers(questionnaireId, in, file.getOriginalFilename(), submit,
					user.getName());
			return new AnswersImported(questionnaireId.toString(), answers, submit);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void owned(VendorId id, UUID questionnaireId) {
		if (!questionnaires.get(questionnaireId).getVendorId().equals(id)) {
			throw new NotFoundException("Questionnaire", questionnaireId);
		}
	}

}
