package io.trunkguard.questionnaire;

import io.trunkguard.shared.AuditableEvent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A lead renamed, retired or deleted a questionnaire template.
 *
 * @param action one of {@link #RENAMED}, {@link #RETIRED}, {@link #DELETED}
 * @param name the template's name after the change
 * @param detail what changed, in words
 */
public record QuestionnaireTemplateChanged(UUID templateId, String action, String name, String detail, String actor,
		Instant occurredAt) implements AuditableEvent {

	public static final String RENAMED = "QUESTIONNAIRE_TEMPLATE_RENAMED";

	public static final String RETIRED = "QUESTIONNAIRE_TEMPLATE_RETIRED";

	public static final String DELETED = "QUESTIONNAIRE_TEMPLATE_DELETED";

	@Override
	public String auditAction() {
		return action;
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
		return AuditableEvent.details("name", name, "detail", detail);
	}

}
