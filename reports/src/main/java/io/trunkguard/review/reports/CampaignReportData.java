package io.trunkguard.review.reports;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.trunkguard.review.ProgressRow;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItem;

/**
 * What a campaign report shows. The items are streamed ({@link #items}) so a 50,000-item campaign is never held in
 * memory at once.
 */
record CampaignReportData(ReviewCampaign campaign, List<ProgressRow> bySystem, List<ProgressRow> byReviewer, ItemSource items,
        Instant generatedAt) {

    /** Hands every item of the campaign, in report order, to a consumer. */
    interface ItemSource {
        void forEach(Consumer<ReviewItem> consumer);
    }
}
