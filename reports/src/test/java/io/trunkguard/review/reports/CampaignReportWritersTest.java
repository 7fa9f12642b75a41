package io.trunkguard.review.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonId;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.Decision;
import io.trunkguard.review.FrozenItem;
import io.trunkguard.review.GrantSnapshot;
import io.trunkguard.review.ProgressRow;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.Routing;
import io.trunkguard.review.UnansweredRule;

class CampaignReportWritersTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
	static final PersonId OLGA = PersonId.random();

	final ReviewCampaign campaign = ReviewCampaign.open(CampaignId.random(), "Q4 access review",
			CLOCK.instant().plus(Duration.ofDays(14)), UnansweredRule.CARRY_OVER, Duration.ofDays(90), null,
			"compliance-lead", CLOCK);

	final List<ReviewItem> items = new ArrayList<>();

	ReviewItem item(String person, String role, boolean privileged) {
		ReviewItem item = ReviewItem.frozen(campaign.getId(),
				new FrozenItem(ReviewItemId.random(),
						new GrantSnapshot(GrantId.random(), PersonId.random(), person, null, EmploymentStatus.ACTIVE,
								EmploymentType.EMPLOYEE, null, null, SystemId.random(), "Edge SBC Cluster", OLGA,
								ConnectorType.MANUAL, role, privileged, Instant.parse("2025-01-01T00:00:00Z"), null,
								false, false, false, true, false),
						OLGA, "olga", Routing.SYSTEM_OWNER));
		items.add(item);
		return item;
	}

	CampaignReportData data() {
		List<ProgressRow> bySystem = List.of(new ProgressRow("Edge SBC Cluster", 3L, 2L, 3L, 0L));
		List<ProgressRow> byReviewer = List.of(new ProgressRow("olga", 3L, 2L, 3L, 0L));
		return new CampaignReportData(campaign, bySystem, byReviewer, items::forEach, CLOCK.instant());
	}

	void settle() {
		ReviewItem kept = item("Ada Admin", "sbc-admin", true);
		kept.decide(Decision.KEEP, null, "=HYPERLINK(\"http://evil\",\"click\")", OLGA, "olga", CLOCK);
		kept.submit(OLGA, "olga", CLOCK);
		ReviewItem revoked = item("Rob Revoked", "sbc-operator", false);
		revoked.decide(Decision.REVOKE, null, "moved to billing", OLGA, "olga", CLOCK);
		revoked.submit(OLGA, "olga", CLOCK);
		revoked.markRemediated("account removed in the SBC web UI, OPS-12", "olga", CLOCK);
		item("Una Unanswered", "sbc-viewer", false).resolveUnanswered(UnansweredRule.CARRY_OVER, CLOCK);
		campaign.close(0, 0, "system:access-review", CLOCK);
		campaign.signOff("compliance-lead", false, "all good", CLOCK);
	}

	@Test
	void pdfShowsScopeDecisionsRemediationUnansweredItemsAndSignOff() throws Exception {
		settle();
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		CampaignPdfWriter.write(data(), out);

		PdfReader reader = new PdfReader(out.toByteArray());
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		assertThat(text.toString()).contains("Q4 access review")
			.contains("Edge SBC Cluster")
			.contains("Ada Admin")
			.contains("sbc-admin (privileged)")
			.contains("Rob Revoked")
			.contains("moved to billing")
			.contains("OPS-12")
			.contains("Removed and")
			.contains("Una Unanswered")
			.contains("carried over to the next campaign")
			.contains("compliance-lead signed the campaign off on 2026-11-26 10:00:00 UTC")
			.contains("Per reviewer")
			.doesNotContain("DRAFT");
		List<String> pages = io.trunkguard.reports.PdfText.pages(out.toByteArray());
		assertThat(pages.get(0)).contains("Page 1 of " + pages.size())
			.contains("Generated 2026-11-26 10:00:00 UTC by Trunkguard");
	}

	@Test
	void draftSaysDraftOnEveryPageNumbersItsPagesAndNeverClaimsEveryItemWasAnswered() throws Exception {
		for (int i = 0; i < 60; i++) {
			item("Person " + i, "sbc-viewer", false);
		}
		ReviewItem decided = item("Dee Decided", "sbc-operator", false);
		decided.decide(Decision.REVOKE, null, "moved to billing", OLGA, "olga", CLOCK);
		List<ProgressRow> bySystem = List.of(new ProgressRow("Edge SBC Cluster", 61L, 1L, 0L, 0L, 1L));
		CampaignReportData draft = new CampaignReportData(campaign, bySystem,
				List.of(new ProgressRow("olga", 61L, 1L, 0L, 0L, 1L)), items::forEach, CLOCK.instant());
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		CampaignPdfWriter.write(draft, out);

		List<String> pages = io.trunkguard.reports.PdfText.pages(out.toByteArray());
		assertThat(pages).hasSizeGreaterThan(1);
		StringBuilder all = new StringBuilder();
		for (int page = 1; page <= pages.size(); page++) {
			String text = pages.get(page - 1);
			all.append(text);
			assertThat(text).as("page " + page)
				.contains("DRAFT")
				.contains("Page " + page + " of " + pages.size())
				.contains("Generated 2026-11-26 10:00:00 UTC");
		}
		assertThat(all.toString()).doesNotContain("Every item was answered")
			.contains("61 item(s) are not submitted yet")
			.contains("DRAFT access review report");
	}

	@Test
	void bothReportsListTheProofFilesOfManualRemovals() throws Exception {
		settle();
		ReviewItem revoked = items.stream()
			.filter(i -> i.getPersonName().equals("Rob Revoked"))
			.findFirst()
			.orElseThrow();
		String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
		CampaignReportData base = data();
		CampaignReportData data = new CampaignReportData(base.campaign(), base.bySystem(), base.byReviewer(),
				base.items(), base.generatedAt(), List.of(new CampaignReportData.ProofFile(revoked.getId(),
						"sbc-console.png", "image/png", 48213, sha, "olga", CLOCK.instant())));

		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		CampaignPdfWriter.write(data, pdf);
		PdfReader reader = new PdfReader(pdf.toByteArray());
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		assertThat(text.toString()).contains("Remediation proof files (1)")
			.contains("sbc-console.png")
			.contains("48213 bytes");
		assertThat(text.toString().replaceAll("\\s", "")).contains(sha);

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		CampaignXlsxWriter.write(data, xlsx);
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
			var sheet = book.getSheet("Items");
			int column = CampaignXlsxWriter.COLUMNS.indexOf("Proof files");
			String listed = null;
			for (var row : sheet) {
				if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(revoked.getId().toString())) {
					listed = row.getCell(column).getStringCellValue();
				}
				else if (row.getRowNum() > 0) {
					assertThat(row.getCell(column).getStringCellValue()).isEmpty();
				}
			}
			assertThat(listed).contains("sbc-console.png").contains("image/png").contains(sha).contains("olga");
		}
	}

	@Test
	void aPersonNamedLikeAFormulaIsInertInTheWorkbook() throws Exception {
		String formula = "=HYPERLINK(\"http://x\",\"y\")";
		ReviewItem item = item(formula, "sbc-admin", true);
		item.decide(Decision.KEEP, null, "still on call", OLGA, "olga", CLOCK);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		CampaignXlsxWriter.write(data(), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			org.apache.poi.ss.usermodel.Cell person = workbook.getSheet("Items")
				.getRow(1)
				.getCell(CampaignXlsxWriter.COLUMNS.indexOf("Person"));
			assertThat(person.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(person.getStringCellValue()).isEqualTo(formula);
			assertThat(person.getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void xlsxHasOneRowPerItemWithEveryFieldAndNeutralisedFormulas() throws Exception {
		settle();
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		CampaignXlsxWriter.write(data(), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheet("Items");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			Row header = sheet.getRow(0);
			assertThat(header.getLastCellNum()).isEqualTo((short) CampaignXlsxWriter.COLUMNS.size());
			Row kept = sheet.getRow(1);
			int justification = CampaignXlsxWriter.COLUMNS.indexOf("Justification");
			assertThat(kept.getCell(justification).getStringCellValue()).startsWith("=HYPERLINK");
			assertThat(kept.getCell(justification).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(kept.getCell(CampaignXlsxWriter.COLUMNS.indexOf("Person")).getStringCellValue())
				.isEqualTo("Ada Admin");
			assertThat(sheet.getRow(2)
				.getCell(CampaignXlsxWriter.COLUMNS.indexOf("Remediation proof"))
				.getStringCellValue()).contains("OPS-12");
			assertThat(sheet.getRow(3).getCell(CampaignXlsxWriter.COLUMNS.indexOf("Closure")).getStringCellValue())
				.isEqualTo("Unanswered, carried over");
			assertThat(workbook.getSheet("Campaign").getRow(0).getCell(1).getStringCellValue())
				.isEqualTo("Q4 access review");
		}
	}

}
