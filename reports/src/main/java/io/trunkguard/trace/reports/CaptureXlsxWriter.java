package io.trunkguard.trace.reports;

import io.trunkguard.reports.SpreadsheetText;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureCertificate;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureLeg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import static io.trunkguard.reports.ReportTimes.time;

/**
 * The XLSX capture report: the capture and summary, then one sheet each for legs,
 * findings and certificates, every field in its own column (streamed; every text cell
 * neutralised against formulas, since capture content comes from the network).
 */
final class CaptureXlsxWriter {

	private CaptureXlsxWriter() {
	}

	static void write(CaptureReportData data, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Capture c = data.capture();
			SXSSFSheet sheet = workbook.createSheet("Capture");
			String[][] facts = { { "File", c.getFileName() }, { "SHA-256", c.getSha256() },
					{ "Size (bytes)", String.valueOf(c.getSizeBytes()) }, { "Format", c.getFormat() },
					{ "First packet", time(c.getFirstPacketAt()) }, { "Last packet", time(c.getLastPacketAt()) },
					{ "Packets", c.getPackets() == null ? "" : String.valueOf(c.getPackets()) },
					{ "Complete", Boolean.FALSE.equals(c.getComplete()) ? "no: " + c.getDamage() : "yes" },
					{ "Where it was taken", c.getLabel().description() },
					{ "Carriers", String.join(", ", data.carrierNames().values()) },
					{ "Analyzer version", c.getAnalyzerVersion() }, { "Uploaded by", c.getUploadedBy() },
					{ "Uploaded at", time(c.getUploadedAt()) }, { "Analysed at", time(c.getAnalysedAt()) },
					{ "Summary", c.getHeadline() }, { "Report generated at", time(data.generatedAt()) } };
			int r = 0;
			for (String[] fact : facts) {
				Row row = sheet.createRow(r++);
				Cell label = SpreadsheetText.write(row, 0, fact[0]);
				label.setCellStyle(bold);
				SpreadsheetText.write(row, 1, fact[1]);
			}
			r++;
			header(sheet.createRow(r++), bold, List.of("Criterion", "What was checked", "Passed", "Failed", "Result"));
			for (CaptureReportData.CriterionRow s : data.summary()) {
				Row row = sheet.createRow(r++);
				SpreadsheetText.write(row, 0, s.criterion());
				SpreadsheetText.write(row, 1, s.checks());
				row.createCell(2).setCellValue(s.passed());
				row.createCell(3).setCellValue(s.failed());
				SpreadsheetText.write(row, 4, s.result());
			}

			SXSSFSheet legs = workbook.createSheet("Legs");
			header(legs.createRow(0), bold,
					List.of("Leg", "Endpoint A", "Endpoint B", "Transport", "TLS version", "Cipher suite",
							"Server name (SNI)", "Certificate names", "Media", "SRTP suites", "Plain media", "Verdict",
							"Reason", "Carrier", "First frame", "Last frame", "First seen"));
			int l = 1;
			for (CaptureLeg leg : data.legs()) {
				text(legs.createRow(l++), leg.getLegId(), leg.getEndpointA(), leg.getEndpointB(), leg.getTransport(),
						leg.getTlsVersion(), leg.getCipherSuite(), leg.getServerName(),
						String.join("; ", leg.getCertificateNames()), String.join("; ", leg.getMedia()),
						String.join("; ", leg.getSrtpSuites()), leg.isPlainMedia() ? "yes" : "no",
						leg.getVerdict().description(), leg.getReason(), data.carrierOf(leg),
						String.valueOf(leg.getFirstFrame()), String.valueOf(leg.getLastFrame()),
						time(leg.getFirstSeenAt()));
			}
			legs.createFreezePane(0, 1);

			SXSSFSheet findings = workbook.createSheet("Findings");
			header(findings.createRow(0), bold, List.of("Rule", "Severity", "Criterion", "Subject type", "Subject",
					"Explanation", "Remediation", "Evidence", "Frames"));
			int f = 1;
			for (CaptureFinding finding : data.findings()) {
				text(findings.createRow(f++), finding.getRuleId(), finding.getSeverity(), finding.getCriterion(),
						finding.getSubjectType(), finding.getSubjectId(), finding.getExplanation(),
						finding.getRemediation(), finding.getEvidence(),
						finding.getFrames().stream().map(String::valueOf).collect(Collectors.joining(" ")));
			}
			findings.createFreezePane(0, 1);

			SXSSFSheet certs = workbook.createSheet("Certificates");
			header(certs.createRow(0), bold, List.of("Leg", "Endpoint", "Subject", "Issuer", "Valid from",
					"Valid until", "Self-signed", "Key", "Signature", "Names", "SHA-256 fingerprint"));
			int k = 1;
			for (CaptureCertificate cert : data.certificates()) {
				text(certs.createRow(k++), cert.getLegId(), cert.getEndpoint(), cert.getSubject(), cert.getIssuer(),
						time(cert.getNotBefore()), time(cert.getNotAfter()), cert.isSelfSigned() ? "yes" : "no",
						cert.getKeyAlgorithm() + " " + cert.getKeyBits(), cert.getSignatureAlgorithm(),
						String.join("; ", cert.getNames()), cert.getSha256Fingerprint());
			}
			workbook.write(out);
		}
	}

	private static void header(Row row, CellStyle bold, List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			Cell cell = SpreadsheetText.write(row, i, names.get(i));
			cell.setCellStyle(bold);
		}
	}

	private static void text(Row row, String... values) {
		for (int i = 0; i < values.length; i++) {
			SpreadsheetText.write(row, i, values[i]);
		}
	}

}
