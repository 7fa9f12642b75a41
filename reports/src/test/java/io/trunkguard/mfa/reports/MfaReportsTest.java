package io.trunkguard.mfa.reports;

import io.trunkguard.reports.PdfBlocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MfaReportsTest {

	/** PdfPCell's default padding, left plus right. */
	static final float PADDING = 4;

	@Test
	void givesEveryHeaderWordOfThePeopleTableRoomOnOneLine() {
		float total = 0;
		for (float width : MfaReports.PEOPLE_WIDTHS) {
			total += width;
		}
		assertThat(MfaReports.PEOPLE_WIDTHS).hasSameSizeAs(MfaReports.HEADER.toArray());
		for (int c = 0; c < MfaReports.HEADER.size(); c++) {
			float column = MfaReports.TABLE_WIDTH * MfaReports.PEOPLE_WIDTHS[c] / total;
			for (String word : MfaReports.HEADER.get(c).split(" ")) {
				float needed = PdfBlocks.SMALL_BOLD.getBaseFont().getWidthPoint(word, PdfBlocks.SMALL_BOLD.getSize())
						+ PADDING;
				assertThat(needed).as("\"%s\" in a column of %.1f pt", word, column).isLessThanOrEqualTo(column);
			}
		}
	}

}
