package io.trunkguard.evidencepack.reports;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import io.trunkguard.control.Control;
import io.trunkguard.control.ControlNarrative;
import io.trunkguard.control.ControlStatus;
import io.trunkguard.control.Gap;
import io.trunkguard.evidencepack.AuditHead;
import io.trunkguard.reports.PdfBlocks;
import io.trunkguard.reports.PdfPages;
import io.trunkguard.reports.ReportTimes;
import io.trunkguard.engagement.PeriodRecords;
import io.trunkguard.shared.Labels;

/**
 * {@code index.pdf}: the cover (scope, period, who exported it, the audit trail head),
 * each criterion with its narrative, expectations, status and gaps, a summary table, and
 * every file of the pack with its SHA-256. Written last, so it knows every hash. It names
 * the manifest's SHA-256 on the cover and in its document information
 * ({@value #MANIFEST_KEY}), which is how a verifier ties the printed list to
 * {@code manifest.json} (the same list, machine-readable).
 */
final class PackIndexPdf {

	static final String PATH = "index.pdf";

	/** The document information key holding the manifest's SHA-256. */
	static final String MANIFEST_KEY = "TrunkguardManifestSHA256";

	/** The document information key holding how many files the manifest lists. */
	static final String FILES_KEY = "TrunkguardManifestFiles";

	/** One criterion as the index shows it. */
	record Criterion(Control control, ControlNarrative narrative, ControlStatus status, int files) {
	}

	/**
	 * The SIP configuration changes applied in the period and the certificate inventory
	 * at its end (CC6.7); null when CC6.7 is not in scope.
	 */
	record Registers(LocalDate to, List<PeriodRecords.SipChangeRow> changes,
			List<PeriodRecords.CertificateRow> certificates) {
	}

	/** A file that could not be put in the pack as it was stored, and why. */
	record Problem(String file, String what) {
	}

	private PackIndexPdf() {
	}

	static void write(PackManifest.Content manifest, String manifestSha256, List<Criterion> criteria,
			Map<String, Long> workbookRows, Registers registers, List<Problem> problems, OutputStream out) {
		Document document = new Document(PageSize.A4, 36, 36, 48, 48);
		PdfWriter writer = PdfPages.writer(document, out, manifest.generatedAt(), null);
		writer.setCloseStream(false);
		document.addTitle("Evidence pack " + manifest.from() + " to " + manifest.to());
		document.addCreator("Trunkguard");
		document.addHeader(MANIFEST_KEY, manifestSha256);
		document.addHeader(FILES_KEY, String.valueOf(manifest.files().size()));
		document.open();
		cover(document, manifest, manifestSha256, criteria);
		summary(document, criteria);
		for (Criterion criterion : criteria) {
			criterion(document, criterion);
		}
		if (registers != null) {
			changes(document, registers);
			certificates(document, registers);
		}
		files(document, manifest, workbookRows);
		if (!problems.isEmpty()) {
			PdfBlocks.section(document, "Files left out or not as stored");
			PdfPTable table = PdfBlocks.table(new float[] { 2, 5 }, "File", "What happened");
			for (Problem problem : problems) {
				PdfBlocks.cells(table, problem.file(), problem.what());
			}
			document.add(table);
		}
		document.close();
	}

	private static void cover(Document document, PackManifest.Content manifest, String manifestSha256,
			List<Criterion> criteria) {
		document.add(new Paragraph("Evidence pack", PdfBlocks.TITLE));
		document.add(new Paragraph(manifest.auditName() == null ? "Ad-hoc period" : "Audit: " + manifest.auditName(),
				PdfBlocks.HEADING));
		PdfPTable facts = PdfBlocks.table(new float[] { 2, 5 });
		PdfBlocks.fact(facts, "Period", manifest.from() + " to " + manifest.to() + " (whole days, UTC)");
		PdfBlocks.fact(facts, "Criteria in scope", String.join(", ",
				criteria.stream().map(c -> c.control().getCode() + " " + c.control().getTitle()).toList()));
		PdfBlocks.fact(facts, "Exported by", manifest.requestedBy());
		PdfBlocks.fact(facts, "Exported at", ReportTimes.time(manifest.generatedAt()));
		AuditHead head = manifest.head();
		PdfBlocks.fact(facts, "Audit trail head at export", "entry " + head.sequence() + ", hash " + head.hash());
		PdfBlocks.fact(facts, "manifest.json SHA-256", manifestSha256);
		PdfBlocks.fact(facts, "Files listed", String.valueOf(manifest.files().size()));
		document.add(facts);
		Paragraph how = new Paragraph(
				"How to check this pack: every file's SHA-256 is listed below and in "
						+ "manifest.json, whose own SHA-256 is printed above; audit-trail-head.json names the newest "
						+ "audit trail entry at export. Upload the ZIP at /evidence-packs/verify, or run "
						+ "java -jar trunkguard.jar --trunkguard.pack.verify=FILE, to check the files against the "
						+ "manifest, the manifest against this index, and the head against the live audit trail. "
						+ "oscal/assessment-results.json carries the same results as OSCAL 1.1.2 assessment results.",
				PdfBlocks.BODY);
		how.setSpacingBefore(8);
		document.add(how);
	}

	private static void summary(Document document, List<Criterion> criteria) {
		PdfBlocks.section(document, "Summary");
		PdfPTable table = PdfBlocks.table(new float[] { 1, 3, 1.4f, 1, 1 }, "Criterion", "Control", "Status", "Gaps",
				"Files");
		for (Criterion c : criteria) {
			PdfBlocks.cells(table, c.control().getCode(), c.control().getTitle(), capitalised(c.status()),
					String.valueOf(c.status().gaps().size()), String.valueOf(c.files()));
		}
		document.add(table);
	}

	private static void criterion(Document document, Criterion c) {
		PdfBlocks.section(document,
				c.control().getCode() + " " + c.control().getTitle() + ": " + capitalised(c.status()));
		document.add(new Paragraph(c.control().getCriterion(), PdfBlocks.BODY));
		Paragraph narrative = new Paragraph(
				c.narrative() == null ? "No narrative has been written yet." : c.narrative().getText(), PdfBlocks.BODY);
		narrative.setSpacingBefore(4);
		document.add(narrative);
		if (c.narrative() != null) {
			document.add(new Paragraph("Narrative version " + c.narrative().getVersion() + ", written by "
					+ c.narrative().getWrittenBy() + " at " + ReportTimes.time(c.narrative().getWrittenAt()),
					PdfBlocks.SMALL));
		}
		PdfPTable expected = PdfBlocks.table(new float[] { 1 }, "Expected in the period");
		for (String expectation : c.status().expectations()) {
			PdfBlocks.cells(expected, expectation);
		}
		PdfBlocks.empty(expected, c.status().expectations().isEmpty(), 1, "Nothing is computed for this criterion.");
		expected.setSpacingBefore(4);
		document.add(expected);
		PdfPTable gaps = PdfBlocks.table(new float[] { 1, 4 }, "Where", "Gap");
		for (Gap gap : c.status().gaps()) {
			PdfBlocks.cells(gaps, gap.where(), gap.what());
		}
		PdfBlocks.empty(gaps, c.status().gaps().isEmpty(), 2,
				"No gaps: every expected piece of evidence is there for the period.");
		gaps.setSpacingBefore(4);
		document.add(gaps);
	}

	private static void changes(Document document, Registers registers) {
		PdfBlocks.section(document, "SIP configuration changes applied in the period (CC6.7)");
		document.add(new Paragraph("Every change to the session border controllers, PBXs, proxies and carrier "
				+ "trunks applied in the period, who requested it and who approved it (never the requester), with "
				+ "its configuration excerpts, whose secrets were redacted before they were stored. "
				+ "Also in workbooks/sip-changes.xlsx.", PdfBlocks.BODY));
		PdfPTable table = PdfBlocks.table(new float[] { 1.2f, 3, 1.4f, 1.4f, 1.2f, 1 }, "Applied on", "Change",
				"Requested by", "Approved by", "Status", "Redacted");
		for (PeriodRecords.SipChangeRow c : registers.changes()) {
			PdfBlocks.cells(table, c.appliedOn().toString(),
					c.kindWords() + " " + c.system() + (c.carrier() == null ? "" : " (" + c.carrier() + ")") + ": "
							+ c.summary() + (c.touchesEncryption() ? " (touches encryption)" : ""),
					c.requestedBy(),
					c.approvedBy() == null ? "" : c.approvedBy() + "\n" + ReportTimes.time(c.approvedAt()),
					c.statusWords(), c.redactions() + " in " + c.excerpts() + " excerpt(s)");
		}
		PdfBlocks.empty(table, registers.changes().isEmpty(), 6,
				"No SIP configuration change was applied in the " + "period.");
		table.setSpacingBefore(4);
		document.add(table);
	}

	private static void certificates(Document document, Registers registers) {
		PdfBlocks.section(document, "Certificate inventory at " + registers.to() + " (CC6.7)");
		document.add(new Paragraph("Every certificate the certificate watch knew by the end of the period (seen in "
				+ "a capture or added by hand), the soonest expiry first. Also in "
				+ "workbooks/certificate-inventory.xlsx.", PdfBlocks.BODY));
		PdfPTable table = PdfBlocks.table(new float[] { 3, 2, 1.6f, 1.6f, 1.6f }, "Subject", "Carrier, endpoint",
				"Valid until", "State at period end", "Origin");
		for (PeriodRecords.CertificateRow c : registers.certificates()) {
			PdfBlocks.cells(table, text(c.subject()) + "\nSHA-256 " + c.fingerprint(),
					text(c.carrier()) + (c.endpoint() == null ? "" : "\n" + c.endpoint()),
					ReportTimes.time(c.notAfter()), c.stateAt(registers.to()), c.originWords());
		}
		PdfBlocks.empty(table, registers.certificates().isEmpty(), 5,
				"The certificate watch knew no certificate by the end of the period.");
		table.setSpacingBefore(4);
		document.add(table);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static void files(Document document, PackManifest.Content manifest, Map<String, Long> workbookRows) {
		PdfBlocks.section(document, "Files in this pack");
		PdfPTable table = PdfBlocks.table(new float[] { 4, 1.3f, 2.2f, 1.2f }, "File", "Criteria", "Evidences",
				"Size (bytes)");
		for (PackFile file : manifest.files()) {
			Long rows = workbookRows.get(file.path());
			String title = file.title() + (rows == null ? "" : " (" + rows + " rows)");
			PdfBlocks.cells(table, file.path() + "\n" + title, String.join(", ", file.controls()),
					file.evidencedFrom().equals(file.evidencedTo()) ? file.evidencedFrom().toString()
							: file.evidencedFrom() + " to " + file.evidencedTo(),
					String.valueOf(file.sizeBytes()));
			PdfPCell hash = new PdfPCell(new Phrase("SHA-256 " + file.sha256(), PdfBlocks.SMALL));
			hash.setColspan(4);
			table.addCell(hash);
		}
		document.add(table);
	}

	private static String capitalised(ControlStatus status) {
		return Labels.capitalisedLabel(status.state());
	}

	static String at(Instant instant) {
		return ReportTimes.time(instant);
	}

}
