package io.trunkguard.review.reports;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.trunkguard.review.ProgressRow;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.ReviewItem;

/**
 * What a campaign report shows. The items are streamed ({@link #items}) so a 50,000-item
 * campaign is never held in memory at once.
 */
record CampaignReportData(ReviewCampaign campaign, List<ProgressRow> bySystem, List<ProgressRow> byReviewer,
		ItemSource items, Instant generatedAt, List<ProofFile> proofs) {

	CampaignReportData(ReviewCampaign campaign, List<ProgressRow> bySystem, List<ProgressRow> byReviewer,
			ItemSource items, Instant generatedAt) {
		this(campaign, bySystem, byReviewer, items, generatedAt, List.of());
	}

	/**
	 * A file attached as proof of a manual removal (its content stays in the database;
	 * the report names and hashes it).
	 */
	record ProofFile(ReviewItemId itemId, String fileName, String contentType, long sizeBytes, String sha256,
			String uploadedBy, Instant uploadedAt) {
	}

	/** The proof files of one item, in upload order. */
	List<ProofFile> proofsOf(ReviewItemId itemId) {
		return proofs.stream().filter(p -> p.itemId().equals(itemId)).toList();
	}

	/** Hands every item of the campaign, in report order, to a consumer. */
	interface ItemSource {

		void forEach(Consumer<ReviewItem> consumer);

	}
}
