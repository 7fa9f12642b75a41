package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignSchedule;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.UnansweredRule;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.trunkguard.review.workflow.AccessReviewProcess.*;

/**
 * Starts the campaign (freezing its scope) with the lead's name, deadline and rule, or
 * with the configured defaults when the quarterly timer started the process; then sets
 * the business key, the reviewers and the dates the timers wait for. A reminder the
 * schedule leaves out (a short campaign) is set after the close-out, so it never fires.
 */
@Component("freezeScopeDelegate")
class FreezeScopeDelegate implements JavaDelegate {

	private final CampaignLifecycleService lifecycle;

	private final CampaignQueryService queries;

	FreezeScopeDelegate(CampaignLifecycleService lifecycle, CampaignQueryService queries) {
		this.lifecycle = lifecycle;
		this.queries = queries;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String name = (String) execution.getVariable(VAR_CAMPAIGN_NAME);
		ReviewCampaign campaign = name == null ? lifecycle.startScheduled(SCHEDULER_ACTOR)
				: lifecycle.start(name, ((Date) execution.getVariable(VAR_REQUESTED_DEADLINE)).toInstant(),
						UnansweredRule.valueOf((String) execution.getVariable(VAR_UNANSWERED_RULE)),
						(String) execution.getVariable(VAR_STARTED_BY));
		CampaignId id = campaign.getId();
		CampaignSchedule schedule = lifecycle.schedule(id);
		List<Instant> reminders = schedule.reminders();
		Instant never = schedule.closeOutAt().plusSeconds(86_400);
		execution.setProcessBusinessKey(id.toString());
		execution.setVariable(VAR_CAMPAIGN_ID, id.toString());
		execution.setVariable(VAR_REVIEWERS, new ArrayList<>(queries.reviewers(id)));
		execution.setVariable(VAR_FIRST_REMINDER_AT, Date.from(reminders.size() > 1 ? reminders.get(0) : never));
		execution.setVariable(VAR_SECOND_REMINDER_AT,
				Date.from(reminders.isEmpty() ? never : reminders.get(reminders.size() - 1)));
		execution.setVariable(VAR_DEADLINE, Date.from(schedule.deadline()));
		execution.setVariable(VAR_CLOSE_OUT_AT, Date.from(schedule.closeOutAt()));
	}

}
