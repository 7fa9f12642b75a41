package io.trunkguard.review.reports;

import io.trunkguard.shared.Labels;

import io.trunkguard.reports.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItem;

/**
 * The XLSX campaign report: a campaign sheet and an items sheet with one row per item and
 * every field (streamed).
 */
final class CampaignXlsxWriter {

	static final List<String> COLUMNS = List.of("Item id", "Grant id", "Person", "Person status", "Person type",
			"Contract end", "System", "Connector", "Role", "Privileged", "Granted at", "Last used at", "Dormant",
			"Left (orphan)", "Contract ended", "New since last campaign", "Carried over", "Reviewer", "Routing",
			"Decision", "Reduced to", "Justification", "Decided by", "Decided at", "Submitted", "Submitted at",
			"Closure", "Remediation", "Remediated by", "Remediated at", "Remediation proof", "Proof files");

	private CampaignXlsxWriter() {
	}

	static void write(CampaignReportData data, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			campaignSheet(workbook, bold, data);
			SXSSFSheet items = workbook.createSheet("Items");
			Row header = items.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				Cell cell = SpreadsheetText.write(header, c, COLUMNS.get(c));
				cell.setCellStyle(bold);
			}
			items.createFreezePane(0, 1);
			int[] next = { 1 };
			data.items().forEach(item -> row(items.createRow(next[0]++), item, data.proofsOf(item.getId())));
			items.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, COLUMNS.size() - 1));
			workbook.write(out);
		}
	}

	private static void campaignSheet(SXSSFWorkbook workbook, CellStyle bold, CampaignReportData data) {
		ReviewCampaign c = data.campaign();
		SXSSFSheet sheet = workbook.createSheet("Campaign");
		Object[][] facts = { { "Campaign", c.getName() }, { "Campaign id", c.getId().toString() },
				{ "Quarter", c.getPeriod() }, { "Status", Labels.capitalisedLabel(c.getStatus()) },
				{ "Deadline", time(c.getDeadline()) },
				{ "Unanswered items", Labels.capitalisedLabel(c.getUnansweredRule()) },
				{ "Dormant after (days)", c.getDormantAfter().toDays() }, { "Started by", c.getStartedBy() },
				{ "Started at", time(c.getStartedAt()) }, { "Reviews ended at", time(c.getReviewsEndedAt()) },
				{ "Closed by", c.getClosedBy() }, { "Closed at", time(c.getClosedAt()) },
				{ "Signed off by", c.getSignedOffBy() }, { "Signed off at", time(c.getSignedOffAt()) },
				{ "Sign-off note", c.getSignOffNote() }, { "Items frozen", c.getItemCount() },
				{ "Report generated at", time(data.generatedAt()) } };
		for (int r = 0; r < facts.length; r++) {
			Row row = sheet.createRow(r);
			Cell label = SpreadsheetText.write(row, 0, (String) facts[r][0]);
			label.setCellStyle(bold);
			Object value = facts[r][1];
			if (value instanceof Number number) {
				row.createCell(1).setCellValue(number.doubleValue());
			}
			else {
				text(row, 1, value == null ? "" : value.toString());
			}
		}
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 60 * 256);
	}

	private static void row(Row row, ReviewItem i, List<CampaignReportData.ProofFile> proofs) {
		int c = 0;
		text(row, c++, i.getId().toString());
		text(row, c++, i.getGrantId().toString());
		text(row, c++, i.getPersonName());
		text(row, c++, Labels.capitalisedLabel(i.getPersonStatus()));
		text(row, c++, Labels.capitalisedLabel(i.getPersonType()));
		text(row, c++, date(i.getPersonEndDate()));
		text(row, c++, i.getSystemName());
		text(row, c++, Labels.capitalisedLabel(i.getConnector()));
		text(row, c++, i.getEntitlement());
		bool(row, c++, i.isPrivileged());
		text(row, c++, time(i.getGrantedAt()));
		text(row, c++, time(i.getLastUsedAt()));
		bool(row, c++, i.isDormant());
		bool(row, c++, i.isOrphan());
		bool(row, c++, i.isContractorExpired());
		bool(row, c++, i.isNew());
		bool(row, c++, i.isCarriedOver());
		text(row, c++, i.getReviewerUsername());
		text(row, c++, Labels.capitalisedLabel(i.getRouting()));
		text(row, c++, i.getDecision() == null ? "" : Labels.capitalisedLabel(i.getDecision()));
		text(row, c++, i.getReducedTo());
		text(row, c++, i.getJustification());
		text(row, c++, i.getDecidedBy());
		text(row, c++, time(i.getDecidedAt()));
		bool(row, c++, i.isSubmitted());
		text(row, c++, time(i.getSubmittedAt()));
		text(row, c++, i.getClosure() == null ? "" : Labels.capitalisedLabel(i.getClosure()));
		text(row, c++, Labels.capitalisedLabel(i.getRemediationStatus()));
		text(row, c++, i.getRemediatedBy());
		text(row, c++, time(i.getRemediatedAt()));
		text(row, c++, i.getRemediationNote());
		text(row, c,
				String.join("; ",
						proofs.stream()
							.map(p -> p.fileName() + " (" + p.contentType() + ", " + p.sizeBytes() + " bytes, sha256 "
									+ p.sha256() + ", by " + p.uploadedBy() + " at " + time(p.uploadedAt()) + ")")
							.toList()));
	}

	private static void text(Row row, int column, String value) {
		SpreadsheetText.write(row, column, value);
	}

	private static void bool(Row row, int column, boolean value) {
		SpreadsheetText.write(row, column, value ? "yes" : "no");
	}

	static String time(Instant instant) {
		return io.trunkguard.reports.ReportTimes.time(instant);
	}

	private static String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}

}
