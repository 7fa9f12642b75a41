package io.trunkguard.review.web;

import io.trunkguard.review.CampaignProgress;
import io.trunkguard.review.ReviewCampaign;

/**
 * A campaign in the list with the progress the viewer is entitled to see (public: read by
 * the templates).
 */
public record CampaignRow(ReviewCampaign campaign, CampaignProgress progress) {

	public int percentDecided() {
		return progress.items() == 0 ? 100 : (int) (progress.decided() * 100 / progress.items());
	}
}
