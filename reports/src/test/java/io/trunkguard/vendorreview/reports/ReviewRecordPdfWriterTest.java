package io.trunkguard.vendorreview.reports;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.trunkguard.vendorreview.ReviewRecordData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review record carries the decision, report facts, exceptions, CUEC mapping and
 * deviations.
 */
class ReviewRecordPdfWriterTest {

	@Test
	void writesEveryPartOfTheReviewThatAnAuditorReads() throws Exception {
		ReviewRecordData data = new ReviewRecordData("r-1", "Northwind Voice", "HIGH", "Olga Owner",
				"SIP trunking, DIDs", "compliance-lead", "2026-12-01 09:00 UTC", "2026-01-01 to 2026-12-31",
				"SOC 2 Type II, 2025-10-01 to 2026-09-30",
				List.<String[]>of(new String[] { "Opinion", "Qualified: access reviews missed in Q3" }),
				List.<String[]>of(new String[] { "CC6.2", "Quarterly access review missed", "Fixed", "Follow up" }),
				List.<String[]>of(new String[] { "Customers restrict portal access", "CC6.1 allow-list",
						"compliance-lead", "Covered" }),
				List.of(), "Coverage gap in the audit period 2026-01-01 to 2026-12-31: 2026-10-01 to 2026-12-01.",
				"Sent to Cora Contact", List.<String[]>of(new String[] { "ACC-1", "MFA on the portal?", "No", "Yes" }),
				List.<String[]>of(new String[] { "DPA", "DPA 2026", "2026-01-01 to 2028-01-01", "ab".repeat(32) }),
				"MSA, signalling TLS 1.2", "The DPA is valid.", "No capture analysed", "Approved with conditions",
				"Qualified opinion on access reviews.", "second-lead", "2026-12-02 10:00 UTC",
				List.<String[]>of(
						new String[] { "Send Q4 access review evidence", "compliance-lead", "2027-02-01", "Open" }),
				"2026-12-02 10:01 UTC");

		byte[] pdf = new ReviewRecordPdfWriter().render(data);

		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString().replace("\n", "")).contains("Annual carrier review: Northwind Voice",
				"Approved with conditions", "second-lead", "Send Q4 access review evidence",
				"Quarterly access review missed", "CC6.1 allow-list", "Coverage gap", "ACC-1", "ab".repeat(32),
				"No capture analysed");
		java.util.List<String> pages = io.trunkguard.reports.PdfText.pages(pdf);
		assertThat(pages.get(0)).contains("Page 1 of " + pages.size()).contains("Generated " + data.generatedAt());
	}

}
