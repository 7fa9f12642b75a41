package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignSchedule;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewCampaign;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Instant;
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
		String name = CAMPAIGN_NAME.from(execution);
		ReviewCampaign campaign = name == null ? lifecycle.startScheduled(SCHEDULER_ACTOR)
				: lifecycle.start(name, REQUESTED_DEADLINE.from(execution), UNANSWERED_RULE.from(execution),
						OVERLAP_REASON.from(execution), STARTED_BY.from(execution));
		CampaignId id = campaign.getId();
		CampaignSchedule schedule = lifecycle.schedule(id);
		List<Instant> reminders = schedule.reminders();
		Instant never = schedule.closeOutAt().plusSeconds(86_400);
		execution.setProcessBusinessKey(id.toString());
		CAMPAIGN_ID.set(execution, id);
		REVIEWERS.set(execution, queries.reviewers(id));
		FIRST_REMINDER_AT.set(execution, reminders.size() > 1 ? reminders.get(0) : never);
		SECOND_REMINDER_AT.set(execution, reminders.isEmpty() ? never : reminders.get(reminders.size() - 1));
		DEADLINE.set(execution, schedule.deadline());
		CLOSE_OUT_AT.set(execution, schedule.closeOutAt());
	}

}
