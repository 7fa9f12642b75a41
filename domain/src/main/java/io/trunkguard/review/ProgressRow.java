package io.trunkguard.review;

/**
 * Progress of one slice of a campaign (one reviewer's items, or one system's).
 *
 * @param key the reviewer's username or the system's name
 * @param items all items of the slice
 * @param decided items with a decision (draft or final)
 * @param settled items submitted or settled by the unanswered rule
 * @param pendingRemediation revocations and reductions not yet remediated or accepted
 * @param revoked items decided (or settled) revoke or reduce
 */
public record ProgressRow(String key, long items, long decided, long settled, long pendingRemediation, long revoked) {

	public ProgressRow(String key, Long items, Long decided, Long settled, Long pendingRemediation, Long revoked) {
		this(key, nz(items), nz(decided), nz(settled), nz(pendingRemediation), nz(revoked));
	}

	public ProgressRow(String key, Long items, Long decided, Long settled, Long pendingRemediation) {
		this(key, nz(items), nz(decided), nz(settled), nz(pendingRemediation), 0L);
	}

	private static long nz(Long value) {
		return value == null ? 0 : value;
	}

	/** Share of items decided, 0..100. */
	public int percentDecided() {
		return items == 0 ? 100 : (int) (decided * 100 / items);
	}

	/** Items still without a decision. */
	public long undecided() {
		return Math.max(0, items - decided);
	}

}
