package io.trunkguard.vendor;

import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.vendor.SocReportFacts.Opinion;
import io.trunkguard.vendor.SocReportFacts.ReportType;
import io.trunkguard.vendor.SocReportFacts.SocType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCoverageTest {

	static final AuditPeriod YEAR = new AuditPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

	static SocReport report(ReportType type, LocalDate start, LocalDate end, LocalDate bridgeFrom, LocalDate bridgeTo) {
		return new SocReport(VendorId.random(),
				new SocReportDraft(SocType.SOC_2, type, List.of("Security"), start, end, end.plusDays(20), "Auditor",
						Opinion.UNQUALIFIED, null, List.of(), List.of(), List.of(), bridgeFrom, bridgeTo),
				(StoredFileId) null, null, "lead", Instant.now());
	}

	@Test
	void aRecentReportCoversTheAuditPeriodWithoutABridgeLetter() {
		ReportCoverage c = ReportCoverage.check(
				report(ReportType.TYPE_II, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30), null, null), YEAR,
				LocalDate.of(2026, 11, 15));
		assertThat(c.covered()).isTrue();
		assertThat(c.bridgeLetterRequired()).isFalse();
	}

	@Test
	void aReportEndedFiveMonthsAgoWithoutABridgeLetterLeavesAGapAndAsksForTheLetter() {
		ReportCoverage c = ReportCoverage.check(
				report(ReportType.TYPE_II, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), null, null), YEAR,
				LocalDate.of(2026, 11, 30));
		assertThat(c.covered()).isFalse();
		assertThat(c.bridgeLetterMissing()).isTrue();
		assertThat(c.gaps())
			.containsExactly(new ReportCoverage.Gap(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 30)));
		assertThat(c.summary()).contains("2026-07-01 to 2026-08-30", "no bridge letter is on record");
	}

	@Test
	void aBridgeLetterThatStartsAfterTheReportClosesTheGap() {
		ReportCoverage c = ReportCoverage.check(report(ReportType.TYPE_II, LocalDate.of(2025, 7, 1),
				LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)), YEAR,
				LocalDate.of(2026, 11, 30));
		assertThat(c.covered()).isTrue();
		assertThat(c.summary()).contains("and its bridge letter cover");
	}

	@Test
	void aReportStartingInsideTheAuditPeriodLeavesItsStartUncovered() {
		ReportCoverage c = ReportCoverage.check(
				report(ReportType.TYPE_II, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 10, 31), null, null), YEAR,
				LocalDate.of(2026, 12, 1));
		assertThat(c.gaps())
			.containsExactly(new ReportCoverage.Gap(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)));
	}

	@Test
	void aTypeOneReportCoversOnlyItsDateAndNoReportCoversNothing() {
		ReportCoverage typeOne = ReportCoverage.check(
				report(ReportType.TYPE_I, null, LocalDate.of(2026, 6, 30), null, null), YEAR, LocalDate.of(2026, 8, 1));
		assertThat(typeOne.covered()).isFalse();
		assertThat(ReportCoverage.noReport(YEAR, LocalDate.of(2026, 5, 1)).gaps())
			.containsExactly(new ReportCoverage.Gap(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 1)));
	}

}
