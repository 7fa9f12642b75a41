package io.trunkguard.questionnaire.web;

import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.questionnaire.QuestionnaireSpreadsheets;
import io.trunkguard.questionnaire.QuestionnaireTemplate;
import io.trunkguard.questionnaire.TemplateRemoval;
import io.trunkguard.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Questionnaire templates for leads: the list, one template's questions, the import of a
 * template from XLSX, renaming and removing one (deleted when unused, otherwise retired);
 * and a sent questionnaire as XLSX for answering offline, with the import of the answered
 * file.
 */
@Controller
class TemplatePages {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final QuestionnaireService questionnaires;

	private final QuestionnaireSpreadsheets spreadsheets;

	TemplatePages(QuestionnaireService questionnaires, QuestionnaireSpreadsheets spreadsheets) {
		this.questionnaires = questionnaires;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/vendors/questionnaire-templates")
	String templates(@RequestParam(required = false) String refused, Model model) {
		if (io.trunkguard.web.UploadSizeLimit.TOO_LARGE.equals(refused)) {
			model.addAttribute("error",
					"The spreadsheet is larger than the server accepts; nothing was imported. A template of a few "
							+ "hundred questions is well under a megabyte: remove images or other sheets.");
		}
		questionnaires.defaultTemplate();
		model.addAttribute("templates", questionnaires.templates());
		return "questionnaire/templates";
	}

	@GetMapping("/vendors/questionnaire-templates/{templateId}")
	String template(@PathVariable UUID templateId, Model model) {
		QuestionnaireTemplate template = questionnaires.template(templateId);
		model.addAttribute("template", template);
		model.addAttribute("builtIn", template.getId().equals(questionnaires.defaultTemplate().getId()));
		return "questionnaire/template";
	}

	@PostMapping("/vendors/questionnaire-templates")
	String importTemplate(@RequestParam String name, @RequestParam(required = false) String description,
			@RequestParam(required = false) MultipartFile file, Authentication user, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose the spreadsheet to import.");
			return "redirect:/vendors/questionnaire-templates";
		}
		try (InputStream in = file.getInputStream()) {
			QuestionnaireTemplate template = spreadsheets.importTemplate(name, description, in,
					file.getOriginalFilename(), user.getName());
			redirect.addFlashAttribute("message", "The template " + template.getName() + " was imported with "
					+ template.getQuestions().size() + " questions.");
			return "redirect:/vendors/questionnaire-templates/" + template.getId();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DomainException | jakarta.validation.ConstraintViolationException refusal) {
			redirect.addFlashAttribute("error", Sentences.of(refusal));
			redirect.addFlashAttribute("name", name);
			redirect.addFlashAttribute("description", description);
			return "redirect:/vendors/questionnaire-templates";
		}
	}

	@PostMapping("/vendors/questionnaire-templates/{templateId}/rename")
	String rename(@PathVariable UUID templateId, @RequestParam(required = false) String name, Authentication user,
			RedirectAttributes redirect) {
		questionnaires.template(templateId);
		try {
			if (name == null || name.isBlank()) {
				throw new io.trunkguard.shared.InvalidInputException("questionnaire.template-name",
						"give the template's new name; it keeps its old name until then");
			}
			QuestionnaireTemplate template = questionnaires.renameTemplate(templateId, name, user.getName());
			redirect.addFlashAttribute("message", "The template is now named " + template.getName() + ".");
		}
		catch (DomainException | jakarta.validation.ConstraintViolationException refusal) {
			redirect.addFlashAttribute("error", Sentences.of(refusal));
			redirect.addFlashAttribute("name", name);
		}
		return "redirect:/vendors/questionnaire-templates/" + templateId;
	}

	@PostMapping("/vendors/questionnaire-templates/{templateId}/remove")
	String remove(@PathVariable UUID templateId, Authentication user, RedirectAttributes redirect) {
		String name = questionnaires.template(templateId).getName();
		try {
			TemplateRemoval outcome = questionnaires.removeTemplate(templateId, user.getName());
			redirect.addFlashAttribute("message", removalSentence(name, outcome));
			return "redirect:/vendors/questionnaire-templates";
		}
		catch (io.trunkguard.shared.InvalidStateException refusal) {
			redirect.addFlashAttribute("error", Sentences.of(refusal));
			return "redirect:/vendors/questionnaire-templates/" + templateId;
		}
	}

	/** What removing a template did, as the lead reads it. */
	static String removalSentence(String name, TemplateRemoval outcome) {
		return switch (outcome) {
			case DELETED -> "The template " + name + " was deleted: no questionnaire had been sent from it.";
			case RETIRED -> "The template " + name + " was retired, not deleted: questionnaires were sent from it, "
					+ "so it is kept for their answers, and it can no longer be chosen when sending a questionnaire.";
		};
	}

	@GetMapping("/vendors/questionnaires/{id}/offline.xlsx")
	ResponseEntity<byte[]> export(@PathVariable UUID id, Authentication user) {
		byte[] content = spreadsheets.exportForOffline(id, user.getName());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("questionnaire-" + id + ".xlsx").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	@PostMapping("/vendors/questionnaires/{id}/offline")
	String importAnswers(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean submit, Authentication user, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose the answered spreadsheet to import.");
			return "redirect:/vendors/questionnaires/" + id;
		}
		try (InputStream in = file.getInputStream()) {
			int imported = spreadsheets.importAnswers(id, in, file.getOriginalFilename(), submit, user.getName());
			redirect.addFlashAttribute("message", imported + " answer(s) were imported from "
					+ file.getOriginalFilename() + (submit ? " and submitted on the contact's behalf." : "."));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DomainException | jakarta.validation.ConstraintViolationException refusal) {
			redirect.addFlashAttribute("error", Sentences.of(refusal));
		}
		return "redirect:/vendors/questionnaires/" + id;
	}

}
