package io.trunkguard.questionnaire;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A lead imported a questionnaire template from a spreadsheet. */
public record QuestionnaireTemplateImported(UUID templateId, String name, int questions, String fileName, String actor,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "QUESTIONNAIRE_TEMPLATE_IMPORTED";
	}

	@Override
	public String auditSubjectType() {
		return "QuestionnaireTemplate";
	}

	@Override
	public String auditSubjectId() {
		return templateId.toString();
	}

	@Override
	public Map<String, Object> auditDetails() {
		return AuditableEvent.details("name", name, "questions", questions, "fileName", fileName);
	}

}
