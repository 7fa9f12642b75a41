package io.trunkguard.vendorreview.workflow;

import io.trunkguard.questionnaire.QuestionnaireService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds contacts whose questionnaire link expires in 7 or 2 days. */
@Component("remindQuestionnairesDelegate")
class RemindQuestionnairesDelegate implements JavaDelegate {

	private final QuestionnaireService questionnaires;

	RemindQuestionnairesDelegate(QuestionnaireService questionnaires) {
		this.questionnaires = questionnaires;
	}

	@Override
	public void execute(DelegateExecution execution) {
		questionnaires.remindBeforeExpiry();
	}

}
