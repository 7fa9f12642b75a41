package io.trunkguard.evidencepack.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.engagement.PeriodRecords;
import io.trunkguard.reports.ReportTimes;
import io.trunkguard.reports.SpreadsheetText;
import io.trunkguard.review.Closure;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.Routing;
import io.trunkguard.shared.Labels;
import io.trunkguard.trace.CaptureLabel;
import io.trunkguard.vendor.EncryptionStatus;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendorreview.ReviewStatus;

/**
 * The pack's workbooks, each streamed with SXSSF (a window of rows in memory, the rest in
 * temporary files): review decisions, deprovisioning log with SLA times, carrier register
 * with review and encryption status, trace findings, questionnaire answers. Every text
 * cell goes through {@link SpreadsheetText}; enum words through {@link Labels}.
 */
final class PackWorkbooks {

	/** One workbook of the pack. */
	enum Book {

		REVIEW_DECISIONS("workbooks/review-decisions.xlsx", "Access review decisions in the period", List.of("CC6.1")),
		DEPROVISIONING_LOG("workbooks/deprovisioning-log.xlsx", "Deprovisioning log with SLA times", List.of("CC6.1")),
		CARRIER_REGISTER("workbooks/carrier-register.xlsx", "Carrier register with review and encryption status",
				List.of("CC6.7", "CC9.2")),
		TRACE_FINDINGS("workbooks/trace-findings.xlsx", "Captures and trace findings in the period",
				List.of("CC6.7", "CC7.2")),
		QUESTIONNAIRE_ANSWERS("workbooks/questionnaire-answers.xlsx",
				"Carrier questionnaire answers submitted in the period", List.of("CC9.2")),
		SIP_CHANGES("workbooks/sip-changes.xlsx", "SIP configuration changes applied in the period", List.of("CC6.7")),
		CERTIFICATES("workbooks/certificate-inventory.xlsx", "Certificate inventory at the end of the period",
				List.of("CC6.7"));

		final String path;

		final String title;

		final List<String> controls;

		Book(String path, String title, List<String> controls) {
			this.path = path;
			this.title = title;
			this.controls = controls;
		}

	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final int WINDOW = 100;

	private final PeriodRecords records;

	private final Duration sla;

	PackWorkbooks(PeriodRecords records, Duration sla) {
		this.records = records;
		this.sla = sla;
	}

	/** Writes the workbook; returns how many data rows it holds. */
	long write(Book book, LocalDate from, LocalDate to, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			Sheets sheets = new Sheets(workbook);
			long rows = switch (book) {
				case REVIEW_DECISIONS -> reviewDecisions(sheets, from, to);
				case DEPROVISIONING_LOG -> deprovisioning(sheets, from, to);
				case CARRIER_REGISTER -> carriers(sheets, from, to);
				case TRACE_FINDINGS -> trace(sheets, from, to);
				case QUESTIONNAIRE_ANSWERS -> answers(sheets, from, to);
				case SIP_CHANGES -> sipChanges(sheets, from, to);
				case CERTIFICATES -> certificates(sheets, to);
			};
			workbook.write(out);
			workbook.dispose();
			return rows;
		}
	}

	private long reviewDecisions(Sheets sheets, LocalDate from, LocalDate to) {
		Sheet sheet = sheets.sheet("Decisions", "Campaign", "Campaign period", "Person", "Username", "System",
				"Entitlement", "Privileged", "Reviewer", "Routed", "Decision", "Reduced to", "Justification",
				"Decided by", "Decided at", "Closure", "Remediation", "Remediated at");
		records.reviewDecisions(from, to,
				r -> sheet.row(r.campaign(), r.campaignPeriod(), r.personName(), r.personUsername(), r.systemName(),
						r.entitlement(), r.privileged() ? "Yes" : "No", r.reviewer(), label(Routing.class, r.routing()),
						r.decisionWords(), r.reducedTo(), r.justification(), r.decidedBy(),
						ReportTimes.time(r.decidedAt()), label(Closure.class, r.closure()),
						label(RemediationStatus.class, r.remediationStatus()), ReportTimes.time(r.remediatedAt())));
		return sheet.count();
	}

	private long deprovisioning(Sheets sheets, LocalDate from, LocalDate to) {
		String slaHours = hours(sla.toSeconds());
		Sheet sheet = sheets.sheet("Cases", "Person", "Username", "HR id", "Source", "Termination effective",
				"Event received", "Last access removed", "Hours to deprovision", "SLA (hours)", "SLA", "Status",
				"Completed");
		records.deprovisioningCases(from, to,
				r -> sheet.row(r.personName(), r.username(), r.hrId(), label(TerminationSource.class, r.source()),
						ReportTimes.time(r.effectiveAt()), ReportTimes.time(r.receivedAt()),
						ReportTimes.time(r.lastAccessRemovedAt()),
						r.secondsToDeprovision() == null ? "" : hours(r.secondsToDeprovision()), slaHours, r.slaWords(),
						r.statusWords(), ReportTimes.time(r.completedAt())));
		return sheet.count();
	}

	private long carriers(Sheets sheets, LocalDate from, LocalDate to) {
		Sheet register = sheets.sheet("Register", "Carrier", "Risk tier", "Encryption status", "Encryption observed at",
				"Encryption basis", "Latest review", "Reviewed by", "Reviewed at", "Next review due",
				"Review overdue at period end");
		records.carriers(to, r -> register.row(r.name(), label(RiskTier.class, r.riskTier()),
				label(EncryptionStatus.class, r.encryptionStatus()), ReportTimes.time(r.encryptionObservedAt()),
				r.encryptionBasis(),
				r.reviewStatus() == null ? "Never reviewed" : label(ReviewStatus.class, r.reviewStatus()),
				r.reviewDecidedBy(), ReportTimes.time(r.reviewDecidedAt()),
				r.nextReviewDue() == null ? "" : r.nextReviewDue().toString(), r.nextReviewDue() == null
						? (r.reviewStatus() == null ? "Yes" : "") : r.nextReviewDue().isBefore(to) ? "Yes" : "No"));
		Sheet reviews = sheets.sheet("Reviews in the period", "Carrier", "Status", "Started by", "Started at",
				"Decided by", "Decided at", "Rationale", "Encryption status at review", "Next review due");
		records.carrierReviews(from, to,
				r -> reviews.row(r.carrier(), r.statusWords(), r.startedBy(), ReportTimes.time(r.startedAt()),
						r.decidedBy(), ReportTimes.time(r.decidedAt()), r.rationale(), r.encryptionStatus(),
						r.nextDue() == null ? "" : r.nextDue().toString()));
		return register.count() + reviews.count();
	}

	private long trace(Sheets sheets, LocalDate from, LocalDate to) {
		Sheet captures = sheets.sheet("Captures", "File", "SHA-256", "Carrier", "Kind", "Traffic from", "Uploaded at",
				"Uploaded by", "Analysed at", "Verdict", "Legs", "Encrypted legs", "Partly encrypted legs",
				"Unencrypted legs", "Findings", "Headline");
		records.captures(from, to,
				r -> captures.row(r.fileName(), r.sha256(), r.carrier() == null ? "No carrier" : r.carrier(),
						label(CaptureLabel.class, r.label()), ReportTimes.time(r.trafficAt()),
						ReportTimes.time(r.uploadedAt()), r.uploadedBy(), ReportTimes.time(r.analysedAt()), r.verdict(),
						number(r.legs()), number(r.encryptedLegs()), number(r.partlyEncryptedLegs()),
						number(r.unencryptedLegs()), number(r.findings()), r.headline()));
		Sheet findings = sheets.sheet("Findings", "Capture", "Traffic from", "Carrier", "Rule", "Rule id", "Severity",
				"Criterion", "Subject", "Explanation", "Remediation");
		records.findings(from, to,
				r -> findings.row(r.captureFile(), ReportTimes.time(r.capturedAt()), r.carrier(), r.ruleWords(),
						r.ruleId(), capitalised(r.severityWords()), r.criterion(), r.subject(), r.explanation(),
						r.remediation()));
		return captures.count() + findings.count();
	}

	private long answers(Sheets sheets, LocalDate from, LocalDate to) {
		Sheet sheet = sheets.sheet("Answers", "Carrier", "Contact", "Sent at", "Submitted at", "Section", "Question",
				"Question code", "Answer", "File attached");
		records.questionnaireAnswers(from, to,
				r -> sheet.row(r.carrier(), r.contact(), ReportTimes.time(r.sentAt()),
						ReportTimes.time(r.submittedAt()), r.section(), r.question(), r.questionCode(), r.answer(),
						r.fileAttached() ? "Yes" : "No"));
		return sheet.count();
	}

	private long sipChanges(Sheets sheets, LocalDate from, LocalDate to) {
		Sheet sheet = sheets.sheet("Changes", "Applied on", "Infrastructure", "System", "Carrier", "Summary",
				"Requested by", "Approved by", "Approved at", "Status", "Touches encryption", "Configuration excerpts",
				"Secrets redacted");
		records.sipChanges(from, to, r -> sheet.row(r.appliedOn().toString(), r.kindWords(), r.system(), r.carrier(),
				r.summary(), r.requestedBy(), r.approvedBy(), ReportTimes.time(r.approvedAt()), r.statusWords(),
				r.touchesEncryption() ? "Yes" : "No", String.valueOf(r.excerpts()), String.valueOf(r.redactions())));
		return sheet.count();
	}

	private long certificates(Sheets sheets, LocalDate to) {
		Sheet sheet = sheets.sheet("Certificates", "Subject", "Issuer", "Serial", "SHA-256 fingerprint", "Valid from",
				"Valid until", "State at period end", "Key", "Signature", "Carrier", "Endpoint", "Origin", "Added at");
		records.certificates(to,
				r -> sheet.row(r.subject(), r.issuer(), r.serial(), r.fingerprint(), ReportTimes.time(r.notBefore()),
						ReportTimes.time(r.notAfter()), r.stateAt(to), r.keyAlgorithm() + " " + r.keyBits(),
						r.signatureAlgorithm(), r.carrier(), r.endpoint(), r.originWords(),
						ReportTimes.time(r.addedAt())));
		return sheet.count();
	}

	/**
	 * The label of a stored enum constant; its words when the enum does not know it (the
	 * one rule of {@link PeriodRecords#words}).
	 */
	static <E extends Enum<E>> String label(Class<E> type, String constant) {
		return PeriodRecords.words(type, constant);
	}

	private static String capitalised(String text) {
		return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String number(Integer value) {
		return value == null ? "" : value.toString();
	}

	static String hours(long seconds) {
		return String.format(java.util.Locale.ROOT, "%.2f", seconds / 3600.0);
	}

	/** The sheets of one workbook, sharing its header style. */
	private static final class Sheets {

		private final SXSSFWorkbook workbook;

		private final CellStyle bold;

		Sheets(SXSSFWorkbook workbook) {
			this.workbook = workbook;
			this.bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
		}

		Sheet sheet(String name, String... header) {
			SXSSFSheet sheet = workbook.createSheet(name);
			Row row = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				SpreadsheetText.write(row, c, header[c]).setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			return new Sheet(sheet);
		}

	}

	/** A sheet rows are appended to. */
	private static final class Sheet {

		private final SXSSFSheet sheet;

		private int next = 1;

		Sheet(SXSSFSheet sheet) {
			this.sheet = sheet;
		}

		void row(String... values) {
			Row row = sheet.createRow(next++);
			for (int c = 0; c < values.length; c++) {
				SpreadsheetText.write(row, c, values[c]);
			}
		}

		long count() {
			return next - 1L;
		}

	}

}
