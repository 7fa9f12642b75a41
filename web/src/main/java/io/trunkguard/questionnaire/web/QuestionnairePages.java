package io.trunkguard.questionnaire.web;

import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.questionnaire.QuestionnaireState;
import io.trunkguard.vendor.VendorService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The lead's questionnaire tracker (every questionnaire with its carrier, contact, state,
 * days left and deviations, filterable) and one questionnaire's answers with the
 * carrier's earlier answers beside them.
 */
@Controller
class QuestionnairePages {

	private final QuestionnaireService questionnaires;

	private final VendorService vendors;

	QuestionnairePages(QuestionnaireService questionnaires, VendorService vendors) {
		this.questionnaires = questionnaires;
		this.vendors = vendors;
	}

	@GetMapping("/vendors/questionnaires")
	String tracker(@RequestParam(required = false) QuestionnaireState state, @RequestParam(required = false) String q,
			Model model) {
		model.addAttribute("rows", questionnaires.tracker(state, q));
		model.addAttribute("states", QuestionnaireState.values());
		model.addAttribute("state", state);
		model.addAttribute("q", q);
		return "questionnaire/tracker";
	}

	@GetMapping("/vendors/questionnaires/{id}")
	String answers(@PathVariable UUID id, Model model) {
		Questionnaire questionnaire = questionnaires.get(id);
		List<Questionnaire> history = questionnaires.ofVendor(questionnaire.getVendorId())
			.stream()
			.filter(q -> q.getSubmittedAt() != null || q.getId().equals(id))
			.limit(4)
			.toList();
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("state", questionnaire.stateAt(Instant.now()));
		model.addAttribute("template", questionnaires.template(questionnaire.getTemplateId()));
		model.addAttribute("vendor", vendors.get(questionnaire.getVendorId()));
		model.addAttribute("deviating",
				questionnaires.deviations(questionnaire).stream().map(t -> t.code()).collect(Collectors.toSet()));
		model.addAttribute("history", history);
		return "questionnaire/answers";
	}

}
