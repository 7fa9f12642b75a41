package io.trunkguard.review.workflow;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.shared.InvalidInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.trunkguard.review.workflow.AccessReviewProcess.*;

/**
 * Starts the access review process through its manual (message) start event; the freeze
 * runs before this returns, so the new campaign's id can be handed back (and a refused
 * start, e.g. a past deadline, reaches the caller as the domain error).
 */
@Component
class AccessReviewProcessLauncher implements CampaignLauncher {

	private final RuntimeService runtime;

	private final CampaignLifecycleService lifecycle;

	AccessReviewProcessLauncher(RuntimeService runtime, CampaignLifecycleService lifecycle) {
		this.runtime = runtime;
		this.lifecycle = lifecycle;
	}

	@Override
	public CampaignId launch(String name, Instant deadline, UnansweredRule rule, String overlapReason, String actor) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("campaign.name-required", "Name is required.", Map.of("name", "required"));
		}
		if (deadline == null) {
			throw new InvalidInputException("campaign.deadline-required", "Deadline is required.",
					Map.of("deadline", "required"));
		}
		if (rule == null) {
			throw new InvalidInputException("campaign.unansweredRule-required",
					"The unanswered-items rule is required.", Map.of("unansweredRule", "required"));
		}
		lifecycle.checkTerms(name, deadline, overlapReason);
		Map<String, Object> variables = new HashMap<>();
		CAMPAIGN_NAME.put(variables, name);
		REQUESTED_DEADLINE.put(variables, deadline);
		UNANSWERED_RULE.put(variables, rule);
		STARTED_BY.put(variables, actor);
		if (overlapReason != null && !overlapReason.isBlank()) {
			OVERLAP_REASON.put(variables, overlapReason.strip());
		}
		MessageCorrelationResultWithVariables started = runtime.createMessageCorrelation(MESSAGE_START_REQUESTED)
			.setVariables(variables)
			.correlateWithResultAndVariables(true);
		return CAMPAIGN_ID.from(started.getVariables());
	}

}
