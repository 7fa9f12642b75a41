package io.trunkguard.vendor;

import io.trunkguard.vendor.SocReportFacts.ReportType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a carrier's SOC report, with its bridge letter, covers our audit period up to
 * the day of the check (days after it cannot be covered yet), and whether a bridge letter
 * is required (the report period ended more than three months before the check).
 *
 * @param gaps the parts of the audit period not covered, each "from to"
 */
public record ReportCoverage(boolean covered, List<Gap> gaps, boolean bridgeLetterRequired, boolean bridgeLetterMissing,
		String summary) {

	/** Days of the audit period that nothing covers. */
	public record Gap(LocalDate from, LocalDate to) {

		public long days() {
			return ChronoUnit.DAYS.between(from, to) + 1;
		}

		@Override
		public String toString() {
			return from.equals(to) ? from.toString() : from + " to " + to;
		}
	}

	/** What a carrier without any SOC report gets. */
	public static ReportCoverage noReport(AuditPeriod period, LocalDate asOf) {
		LocalDate end = asOf.isBefore(period.to()) ? asOf : period.to();
		List<Gap> gaps = end.isBefore(period.from()) ? List.of() : List.of(new Gap(period.from(), end));
		return new ReportCoverage(false, gaps, false, false,
				"No SOC report is on record: the audit period " + period + " is not covered.");
	}

	/** The check of {@code report} against {@code period} on {@code asOf}. */
	public static ReportCoverage check(SocReport report, AuditPeriod period, LocalDate asOf) {
		return check(report.getReportType(), report.getPeriodStart(), report.getPeriodEnd(), report.getBridgeFrom(),
				report.getBridgeTo(), period, asOf);
	}

	/**
	 * The check of a report's periods (as the board reads them, without the report)
	 * against {@code period} on {@code asOf}.
	 */
	public static ReportCoverage check(ReportType reportType, LocalDate periodStart, LocalDate periodEnd,
			LocalDate bridgeFrom, LocalDate bridgeTo, AuditPeriod period, LocalDate asOf) {
		boolean hasBridgeLetter = bridgeTo != null;
		LocalDate start = reportType == ReportType.TYPE_II ? periodStart : periodEnd;
		LocalDate end = periodEnd;
		boolean bridgeRequired = asOf.isAfter(periodEnd.plusMonths(3));
		boolean bridgeUsable = hasBridgeLetter && !bridgeFrom.isAfter(end.plusDays(1)) && bridgeTo.isAfter(end);
		if (bridgeUsable) {
			end = bridgeTo;
		}
		// a report is expected to lag: the last three months before the check are covered
		// by the bridge letter that becomes due after them, not counted as a gap yet
		LocalDate graceStart = asOf.minusMonths(3);
		LocalDate needUntil = graceStart.isBefore(period.to()) ? graceStart : period.to();
		List<Gap> gaps = new ArrayList<>();
		if (!needUntil.isBefore(period.from())) {
			if (start.isAfter(period.from())) {
				gaps.add(new Gap(period.from(), min(start.minusDays(1), needUntil)));
			}
			if (end.isBefore(needUntil)) {
				gaps.add(new Gap(max(end.plusDays(1), period.from()), needUntil));
			}
		}
		boolean bridgeMissing = bridgeRequired && !hasBridgeLetter;
		StringBuilder summary = new StringBuilder();
		if (gaps.isEmpty()) {
			summary.append("The report")
				.append(bridgeUsable ? " and its bridge letter cover " : " covers ")
				.append("the audit period ")
				.append(period)
				.append(" up to ")
				.append(needUntil)
				.append('.');
		}
		else {
			summary.append("Coverage gap in the audit period ").append(period).append(": ");
			summary.append(String.join(", ", gaps.stream().map(Gap::toString).toList())).append('.');
		}
		if (bridgeMissing) {
			summary.append(" The report period ended on ")
				.append(periodEnd)
				.append(", more than three months ago, and no bridge letter is on record.");
		}
		return new ReportCoverage(gaps.isEmpty() && !bridgeMissing, List.copyOf(gaps), bridgeRequired, bridgeMissing,
				summary.toString());
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
