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
	CampaignId launch(String name, Instant deadline, UnansweredRule rule, String actor);

}
