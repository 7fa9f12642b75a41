package io.trunkguard.review;

/**
 * Counts of a campaign (or of one reviewer's share of it).
 *
 * @param items all items
 * @param decided items with a decision (draft or final)
 * @param settled items submitted or settled by the unanswered rule
 * @param pendingRemediation revocations and reductions not yet remediated or accepted
 */
public record CampaignProgress(long items, long decided, long settled, long pendingRemediation) {

	public CampaignProgress(Long items, Long decided, Long settled, Long pendingRemediation) {
		this(nz(items), nz(decided), nz(settled), nz(pendingRemediation));
	}

	private static long nz(Long value) {
		return value == null ? 0 : value;
	}

	/** Items neither submitted nor settled. */
	public long unsettled() {
		return items - settled;
	}
}
