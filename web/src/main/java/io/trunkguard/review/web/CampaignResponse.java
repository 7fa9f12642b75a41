package io.trunkguard.review.web;

import java.time.Instant;
import java.util.UUID;

import io.trunkguard.review.CampaignProgress;
import io.trunkguard.review.ReviewCampaign;

/**
 * A campaign with its progress (the whole campaign's for overseers, the caller's share
 * for a reviewer).
 */
record CampaignResponse(UUID id, String name, String period, String status, Instant deadline, String unansweredRule,
		int itemCount, String startedBy, Instant startedAt, Instant reviewsEndedAt, Instant closedAt,
		String signedOffBy, Instant signedOffAt, Progress progress) {

	record Progress(long items, long decided, long settled, long pendingRemediation) {
	}

	static CampaignResponse of(ReviewCampaign c, CampaignProgress p) {
		return new CampaignResponse(c.getId().value(), c.getName(), c.getPeriod(), c.getStatus().name(),
				c.getDeadline(), c.getUnansweredRule().name(), c.getItemCount(), c.getStartedBy(), c.getStartedAt(),
				c.getReviewsEndedAt(), c.getClosedAt(), c.getSignedOffBy(), c.getSignedOffAt(),
				new Progress(p.items(), p.decided(), p.settled(), p.pendingRemediation()));
	}
}
