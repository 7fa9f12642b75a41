package io.trunkguard.review;

import java.time.Instant;

/**
 * Starts a campaign through its workflow (implemented in {@code workflows} by starting
 * the access review process, whose first step freezes the scope with
 * {@link CampaignLifecycleService#start}). The web starts campaigns through this, so it
 * never touches the process engine.
 */
public interface CampaignLauncher {

	/**
	 * Starts the process and returns the new campaign (its scope is frozen when this
	 * returns).
	 */
	default CampaignId launch(String name, Instant deadline, UnansweredRule rule, String actor) {
		return launch(name, deadline, rule, null, actor);
	}

	/**
	 * As {@link #launch(String, Instant, UnansweredRule, String)}, with the reason a
	 * campaign must run beside another of the quarter over the same grants
	 * ({@link CampaignLifecycleService#checkTerms(String, Instant, String)}).
	 */
	CampaignId launch(String name, Instant deadline, UnansweredRule rule, String overlapReason, String actor);

}
