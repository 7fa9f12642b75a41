package io.trunkguard.deprovisioning.reports;

import io.trunkguard.shared.Labels;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;
import io.trunkguard.deprovisioning.Step;
import io.trunkguard.reports.SpreadsheetText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

import static io.trunkguard.deprovisioning.Durations.human;
import static io.trunkguard.deprovisioning.reports.DeprovisioningLogData.time;

/**
 * The deprovisioning log as XLSX (streamed): a summary sheet, a "Cases" sheet with one
 * row per case (HR event, receipts, last access removed, time to deprovision, SLA
 * outcome) and an "Access removed" sheet with one row per step of every case (when, by
 * whom or what, time after the HR event, SLA due and met). Text cells that a spreadsheet
 * would read as a formula are neutralised.
 */
final class DeprovisioningLogXlsxWriter {

	static final List<String> CASE_COLUMNS = List.of("Case id", "HR id", "Login", "Source", "Event id",
			"HR event (effective)", "Received", "Receipts", "Duplicate receipts", "Status", "Last access removed",
			"Time to deprovision (s)", "Time to deprovision", "SLA met", "Escalations", "Verifications", "Completed",
			"Without identity provider");

	static final List<String> STEP_COLUMNS = List.of("Case id", "HR id", "Login", "HR event (effective)", "Step",
			"Removes access", "System", "Role", "Done at", "Done by", "After HR event (s)", "After HR event", "SLA due",
			"SLA met", "Note");

	private DeprovisioningLogXlsxWriter() {
	}

	static void write(DeprovisioningLogData data, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			summary(workbook.createSheet("Summary"), bold, data);
			SXSSFSheet cases = sheet(workbook, "Cases", CASE_COLUMNS, bold);
			int r = 1;
			for (DeprovisioningCase c : data.cases()) {
				caseRow(cases.createRow(r++), c);
			}
			cases.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, CASE_COLUMNS.size() - 1));
			SXSSFSheet steps = sheet(workbook, "Access removed", STEP_COLUMNS, bold);
			r = 1;
			for (DeprovisioningCase c : data.cases()) {
				for (Step s : c.getSteps()) {
					stepRow(steps.createRow(r++), c, s);
				}
			}
			steps.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, STEP_COLUMNS.size() - 1));
			workbook.write(out);
		}
	}

	private static SXSSFSheet sheet(SXSSFWorkbook workbook, String name, List<String> columns, CellStyle bold) {
		SXSSFSheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			Cell cell = SpreadsheetText.write(header, c, columns.get(c));
			cell.setCellStyle(bold);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private static void summary(SXSSFSheet sheet, CellStyle bold, DeprovisioningLogData data) {
		DeprovisioningStatistics s = data.statistics();
		Object[][] facts = { { "Deprovisioning log", "SOC 2 CC6.1" },
				{ "Period (HR event, UTC)", data.period().from() + " to " + data.period().to() },
				{ "Cases", s.cases() }, { "Completed", s.completed() }, { "Open", s.open() },
				{ "SLA met (cases)", s.slaMet() }, { "SLA missed (cases)", s.slaMissed() },
				{ "SLA met (%)", s.slaMetPercent().map(p -> (Object) p).orElse("") },
				{ "Median time to deprovision (s)", s.median().map(d -> (Object) d.toSeconds()).orElse("") },
				{ "95th percentile (s)", s.p95().map(d -> (Object) d.toSeconds()).orElse("") },
				{ "Longest (s)", s.longest().map(d -> (Object) d.toSeconds()).orElse("") },
				{ "Default SLA", human(data.defaultSla()) }, { "Generated at", time(data.generatedAt()) } };
		for (int r = 0; r < facts.length; r++) {
			Row row = sheet.createRow(r);
			Cell label = SpreadsheetText.write(row, 0, (String) facts[r][0]);
			label.setCellStyle(bold);
			value(row, 1, facts[r][1]);
		}
	}

	private static void caseRow(Row row, DeprovisioningCase c) {
		Duration ttd = c.timeToDeprovision().orElse(null);
		Object[] values = { c.getId().toString(), c.getHrId(), c.getUsername(), Labels.capitalisedLabel(c.getSource()),
				c.getEventId(), time(c.getEffectiveAt()), time(c.getReceivedAt()), c.getReceipts().size(),
				c.getReceipts().stream().filter(r -> r.isDuplicate()).count(), Labels.capitalisedLabel(c.getStatus()),
				time(c.getLastAccessRemovedAt()), ttd == null ? null : ttd.toSeconds(), human(ttd),
				c.getSlaMet() == null ? "" : c.getSlaMet() ? "met" : "missed",
				c.getSteps().stream().filter(s -> s.getKind().name().equals("ESCALATED")).count(),
				c.getVerificationAttempts(), time(c.getCompletedAt()), c.ranWithoutIdentityProvider() ? "yes" : "no" };
		for (int i = 0; i < values.length; i++) {
			value(row, i, values[i]);
		}
	}

	private static void stepRow(Row row, DeprovisioningCase c, Step s) {
		Duration after = s.after(c.getEffectiveAt());
		Object[] values = { c.getId().toString(), c.getHrId(), c.getUsername(), time(c.getEffectiveAt()),
				Labels.capitalisedLabel(s.getKind()), s.removesAccess() ? "yes" : "no", s.getSystemName(),
				s.getEntitlement(), time(s.getDoneAt()), s.getDoneBy(), after.toSeconds(), human(after),
				time(s.getSlaDueAt()), s.getSlaDueAt() == null ? "" : s.metSla() ? "met" : "missed", s.getNote() };
		for (int i = 0; i < values.length; i++) {
			value(row, i, values[i]);
		}
	}

	private static void value(Row row, int column, Object value) {
		if (value instanceof Number number) {
			row.createCell(column).setCellValue(number.doubleValue());
		}
		else {
			SpreadsheetText.write(row, column, value == null ? "" : value.toString());
		}
	}

}
