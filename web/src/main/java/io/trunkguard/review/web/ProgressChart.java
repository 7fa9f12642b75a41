package io.trunkguard.review.web;

import java.util.List;

import io.trunkguard.review.ProgressRow;

/**
 * A campaign's progress as a horizontal stacked bar chart, drawn on the server as SVG (no
 * script): one bar per reviewer or per system, split into kept, revoked (or reduced) and
 * undecided items, with the revocations still pending remediation beside it. The page
 * renders the geometry computed here.
 *
 * @param bars one per row, top to bottom
 * @param height the SVG's height in its own units
 */
public record ProgressChart(List<Bar> bars, int height) {

	static final int WIDTH = 780;

	static final int LABEL = 190;

	static final int BAR_AREA = 330;

	static final int ROW = 26;

	static final int TOP = 28;

	/**
	 * One bar: the segment widths and x positions (kept, revoked, undecided), and its
	 * counts as text.
	 */
	public record Bar(String label, int y, int keptX, int keptWidth, int revokedX, int revokedWidth, int undecidedX,
			int undecidedWidth, long items, long kept, long revoked, long undecided, long pendingRemediation) {

		/** What the bar says, for screen readers and the tooltip. */
		public String summary() {
			return label + ": " + items + " items, " + kept + " kept, " + revoked + " revoked or reduced, " + undecided
					+ " undecided, " + pendingRemediation + " pending remediation";
		}

		public String counts() {
			return kept + " kept · " + revoked + " revoked · " + undecided + " open"
					+ (pendingRemediation > 0 ? " · " + pendingRemediation + " to remediate" : "");
		}
	}

	static ProgressChart of(List<ProgressRow> rows) {
		long max = rows.stream().mapToLong(ProgressRow::items).max().orElse(1);
		List<Bar> bars = new java.util.ArrayList<>();
		int y = TOP;
		for (ProgressRow row : rows) {
			long revoked = Math.min(row.revoked(), row.decided());
			long kept = row.decided() - revoked;
			long undecided = row.undecided();
			int keptWidth = scale(kept, max);
			int revokedWidth = scale(revoked, max);
			int undecidedWidth = scale(undecided, max);
			bars.add(new Bar(label(row.key()), y, LABEL, keptWidth, LABEL + keptWidth, revokedWidth,
					LABEL + keptWidth + revokedWidth, undecidedWidth, row.items(), kept, revoked, undecided,
					row.pendingRemediation()));
			y += ROW;
		}
		return new ProgressChart(List.copyOf(bars), y + 8);
	}

	public int width() {
		return WIDTH;
	}

	private static int scale(long count, long max) {
		return max <= 0 ? 0 : (int) Math.round(count * (double) BAR_AREA / max);
	}

	private static String label(String key) {
		return key.length() <= 28 ? key : key.substring(0, 27) + "…";
	}

}
