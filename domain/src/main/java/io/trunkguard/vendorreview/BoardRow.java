package io.trunkguard.vendorreview;

import java.time.LocalDate;

/**
 * One carrier on the board.
 *
 * @param dueOn when the next review is due (or was due)
 * @param questionnaire the newest questionnaire's state, or "None sent"
 * @param nextExpiry what expires next ("DPA on 2027-01-31"), or null
 * @param coverageGap whether the newest SOC report leaves a gap in our audit period
 * @param openConditions conditions of approvals still open
 */
public record BoardRow(String vendorId, String name, String riskTier, BoardState state, LocalDate dueOn,
		String questionnaire, String nextExpiry, LocalDate nextExpiryOn, boolean coverageGap, String coverage,
		String encryption, int openConditions, String reviewId) {
}
