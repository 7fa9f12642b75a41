package io.trunkguard.review;

/**
 * Progress of one slice of a campaign (one reviewer's items, or one system's).
 *
 * @param key the reviewer's username or the system's name
 */
public record ProgressRow(String key, long items, long decided, long settled, long pendingRemediation) {

	public ProgressRow(String key, Long items, Long decided, Long settled, Long pendingRemediation) {
		this(key, nz(items), nz(decided), nz(settled), nz(pendingRemediation));
	}

	private static long nz(Long value) {
		return value == null ? 0 : value;
	}

	/** Share of items decided, 0..100. */
	public int percentDecided() {
		return items == 0 ? 100 : (int) (decided * 100 / items);
	}
}
