package io.trunkguard.deprovisioning.reports;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.deprovisioning.Verification;
import io.trunkguard.people.PersonId;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log writers on cases built in memory: every case and step in the XLSX, the figures
 * and misses in the PDF.
 */
class DeprovisioningLogWritersTest {

	static final Instant EVENT = Instant.parse("2026-10-05T09:00:00Z");
	static final DeprovisioningPeriod Q4 = new DeprovisioningPeriod(LocalDate.of(2026, 10, 1),
			LocalDate.of(2026, 12, 31));

	static DeprovisioningCase completed(String hrId, Instant event, Duration manualAfter, boolean escalate) {
		DeprovisioningCase c = DeprovisioningCase.open(DeprovisioningCaseId.random(), PersonId.random(),
				hrId.toLowerCase(),
				new TerminationNotice("evt-" + hrId, hrId, event, TerminationSource.HR_WEBHOOK, "client:hr-webhook"),
				event.plusSeconds(2));
		c.recordAccountDisabled(true, "system:keycloak", event.plusSeconds(3));
		c.recordSessionsEnded(1, "system:keycloak", event.plusSeconds(4));
		GrantId grant = GrantId.random();
		if (escalate) {
			c.recordEscalation(grant, SystemId.random(), "Carrier portal", "olga", List.of("compliance-lead"),
					event.plus(Duration.ofHours(24)), event.plus(Duration.ofHours(24)));
		}
		c.recordGrantRevoked(grant, SystemId.random(), "Carrier portal", "=HYPERLINK(\"x\")", "olga",
				event.plus(manualAfter), event.plus(Duration.ofHours(24)), "@removed in the portal");
		c.complete(new Verification(true, 0, List.of()), "system:deprovisioning",
				event.plus(manualAfter).plusSeconds(5));
		return c;
	}

	DeprovisioningLogData data() {
		List<DeprovisioningCase> cases = List.of(completed("HR-1", EVENT, Duration.ofHours(2), false),
				completed("HR-2", EVENT.plus(Duration.ofDays(3)), Duration.ofHours(30), true),
				completed("HR-3", EVENT.plus(Duration.ofDays(9)), Duration.ofHours(4), false));
		return new DeprovisioningLogData(Q4, cases, DeprovisioningStatistics.of(cases), Duration.ofHours(24),
				EVENT.plus(Duration.ofDays(60)));
	}

	@Test
	void writesOneRowPerCaseAndPerStepWithTimesAndSlaOutcomeAndNeutralisedText() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeprovisioningLogXlsxWriter.write(data(), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getSheet("Summary").getRow(1).getCell(1).getStringCellValue())
				.isEqualTo("2026-10-01 to 2026-12-31");
			Sheet cases = workbook.getSheet("Cases");
			assertThat(cases.getLastRowNum()).isEqualTo(3);
			Row second = cases.getRow(2);
			assertThat(second.getCell(1).getStringCellValue()).isEqualTo("HR-2");
			assertThat(second.getCell(5).getStringCellValue()).isEqualTo("2026-10-08 09:00:00 UTC");
			assertThat(second.getCell(11).getNumericCellValue()).isEqualTo(30 * 3600);
			assertThat(second.getCell(13).getStringCellValue()).isEqualTo("missed");
			assertThat(second.getCell(14).getNumericCellValue()).isEqualTo(1);
			Sheet steps = workbook.getSheet("Access removed");
			List<String> kinds = new ArrayList<>();
			steps.forEach(row -> kinds.add(row.getCell(4).getStringCellValue()));
			assertThat(kinds).containsExactly("Step", "Sign-in disabled", "Sessions ended", "Access removed",
					"Sign-in disabled", "Sessions ended", "Escalated", "Access removed", "Sign-in disabled",
					"Sessions ended", "Access removed");
			Row revoked = steps.getRow(3);
			assertThat(revoked.getCell(7).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
			assertThat(revoked.getCell(7).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(revoked.getCell(7).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(revoked.getCell(9).getStringCellValue()).isEqualTo("olga");
			assertThat(revoked.getCell(10).getNumericCellValue()).isEqualTo(2 * 3600);
			assertThat(revoked.getCell(13).getStringCellValue()).isEqualTo("met");
			assertThat(revoked.getCell(14).getStringCellValue()).isEqualTo("@removed in the portal");
			assertThat(revoked.getCell(14).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void summarisesCountsPercentilesSlaAndMissesInThePdf() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeprovisioningLogPdfWriter.write(data(), out);
		java.util.List<String> pages = io.trunkguard.reports.PdfText.pages(out.toByteArray());
		assertThat(pages.get(pages.size() - 1)).contains("Page " + pages.size() + " of " + pages.size())
			.contains("Generated " + io.trunkguard.reports.ReportTimes.time(data().generatedAt()));

		PdfReader reader = new PdfReader(out.toByteArray());
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text).contains("Deprovisioning log")
			.contains("2026-10-01 to 2026-12-31")
			.contains("3 (3 completed, 0 open)")
			.contains("Median time to deprovision")
			.contains("4 h 00 min")
			.contains("95th percentile")
			.contains("30 h 00 min")
			.contains("66.7 % (2 of 3 completed cases)")
			.contains("SLA misses (1)")
			.contains("escalated: Carrier portal");
	}

	@Test
	void computesNearestRankPercentiles() {
		DeprovisioningStatistics s = data().statistics();
		assertThat(s.median()).contains(Duration.ofHours(4));
		assertThat(s.p95()).contains(Duration.ofHours(30));
		assertThat(s.slaMissed()).isEqualTo(1);
		assertThat(s.misses()).extracting(DeprovisioningCase::getHrId).containsExactly("HR-2");
	}

}
