package io.trunkguard.trace.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.trunkguard.reports.PdfPages;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureCertificate;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.LegVerdict;
import io.trunkguard.trace.diagram.CallPathDiagram;
import io.trunkguard.trace.diagram.CallPathPng;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

import static io.trunkguard.reports.PdfBlocks.BODY;
import static io.trunkguard.reports.PdfBlocks.HEADING;
import static io.trunkguard.reports.PdfBlocks.SMALL;
import static io.trunkguard.reports.PdfBlocks.SMALL_BOLD;
import static io.trunkguard.reports.PdfBlocks.TITLE;
import static io.trunkguard.reports.PdfBlocks.cells;
import static io.trunkguard.reports.PdfBlocks.empty;
import static io.trunkguard.reports.PdfBlocks.fact;
import static io.trunkguard.reports.PdfBlocks.section;
import static io.trunkguard.reports.PdfBlocks.table;
import static io.trunkguard.reports.ReportTimes.time;

/**
 * The PDF an auditor reads for one capture: its identity, a summary per SOC 2 criterion,
 * every leg with its transport, TLS and media facts (the unencrypted ones first), the
 * certificates, and every finding with its explanation, remediation and the frames that
 * prove it.
 */
final class CapturePdfWriter {

	private static final Color RED = new Color(0xFB, 0xE4, 0xE4);

	private static final Color AMBER = new Color(0xFD, 0xF1, 0xD8);

	private static final Color GREEN = new Color(0xE3, 0xF4, 0xE6);

	private CapturePdfWriter() {
	}

	static void write(CaptureReportData data, OutputStream out) {
		Capture c = data.capture();
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		// the call-path image stays where it is added, before the tables that follow it
		PdfPages.writer(document, out, data.generatedAt(), null).setStrictImageSequence(true);
		document.addTitle("Capture compliance report: " + c.getFileName());
		document.addSubject("SOC 2 CC6.7 transmission encryption evidence");
		document.addCreator("Trunkguard");
		HeaderFooter footer = new HeaderFooter(new Phrase("Trunkguard capture compliance report · " + c.getFileName()
				+ " · SHA-256 " + c.getSha256() + " · page ", SMALL), true);
		footer.setBorder(Rectangle.NO_BORDER);
		footer.setAlignment(Element.ALIGN_RIGHT);
		document.setFooter(footer);
		document.open();
		document.add(new Paragraph("Capture compliance report", TITLE));
		document.add(new Paragraph(c.getFileName() + " · traffic of " + span(c) + " · SOC 2 CC6.7, CC6.1, CC7.2, CC9.2",
				HEADING));
		if (c.getHeadline() != null) {
			Paragraph headline = new Paragraph(c.getHeadline(), BODY);
			headline.setSpacingBefore(6);
			document.add(headline);
		}
		document.add(Chunk.NEWLINE);

		PdfPTable identity = table(new float[] { 1, 4 });
		fact(identity, "File", c.getFileName());
		fact(identity, "SHA-256", c.getSha256());
		fact(identity, "Size", c.getSizeBytes() + " bytes" + (c.getFormat() == null ? "" : " (" + c.getFormat() + ")"));
		fact(identity, "Time span", span(c));
		fact(identity, "Packets", c.getPackets() == null ? null : String.valueOf(c.getPackets()));
		fact(identity, "Completeness", Boolean.FALSE.equals(c.getComplete())
				? "Damaged: " + c.getDamage() + ". Everything before the damage was analysed." : "Read to its end");
		fact(identity, "Where it was taken", c.getLabel().description());
		fact(identity, "Carriers",
				data.carrierNames().isEmpty() ? "none attached" : String.join(", ", data.carrierNames().values()));
		fact(identity, "Analyzer",
				"trunkguard-analyzer " + c.getAnalyzerVersion() + ", report schema " + c.getSchemaVersion());
		fact(identity, "Uploaded", time(c.getUploadedAt()) + " by " + c.getUploadedBy());
		fact(identity, "Analysed", time(c.getAnalysedAt()));
		fact(identity, "Report generated", time(data.generatedAt()));
		document.add(identity);

		section(document, "Summary per criterion");
		PdfPTable summary = table(new float[] { 2, 4, 1, 1, 4 }, "Criterion", "What was checked", "Passed", "Failed",
				"Result");
		for (CaptureReportData.CriterionRow row : data.summary()) {
			cells(summary, row.criterion(), row.checks(), String.valueOf(row.passed()), String.valueOf(row.failed()));
			PdfPCell result = new PdfPCell(new Phrase(row.result(), SMALL_BOLD));
			result.setBackgroundColor(row.failed() == 0 ? GREEN : RED);
			summary.addCell(result);
		}
		document.add(summary);

		callPath(document, data);

		long notEncrypted = data.legs().stream().filter(l -> l.getVerdict() != LegVerdict.ENCRYPTED).count();
		section(document,
				"Legs: " + data.legs().size() + " in all, " + notEncrypted + " not fully encrypted (listed first)");
		PdfPTable legs = table(new float[] { 0.5f, 2.4f, 0.9f, 2.2f, 3.2f, 1.2f, 3f, 1.2f }, "Leg", "Endpoints",
				"Transport", "TLS version and suite", "Media", "Verdict", "Reason", "Carrier");
		for (CaptureLeg leg : data.legs()) {
			cells(legs, leg.getLegId(), leg.getEndpointA() + " to " + leg.getEndpointB(), leg.getTransport(), tls(leg),
					leg.getMedia().isEmpty() ? "no media seen" : String.join("\n", leg.getMedia()));
			PdfPCell verdict = new PdfPCell(new Phrase(leg.getVerdict().description(), SMALL_BOLD));
			verdict.setBackgroundColor(switch (leg.getVerdict()) {
				case ENCRYPTED -> GREEN;
				case PARTLY_ENCRYPTED -> AMBER;
				case UNENCRYPTED -> RED;
			});
			legs.addCell(verdict);
			cells(legs, leg.getReason(), data.carrierOf(leg));
		}
		empty(legs, data.legs().isEmpty(), 8, "No SIP signalling was found in this capture.");
		document.add(legs);

		section(document, "Certificates");
		PdfPTable certs = table(new float[] { 3, 2, 1.4f, 1.4f, 1.4f, 4 }, "Subject", "Endpoint", "Valid from",
				"Valid until", "Key", "SHA-256 fingerprint");
		for (CaptureCertificate cert : data.certificates()) {
			cells(certs, cert.getSubject(), cert.getEndpoint(), time(cert.getNotBefore()), time(cert.getNotAfter()),
					cert.getKeyAlgorithm() + " " + cert.getKeyBits() + (cert.isSelfSigned() ? ", self-signed" : ""),
					cert.getSha256Fingerprint());
		}
		empty(certs, data.certificates().isEmpty(), 6,
				"No server certificate was visible (no TLS, or TLS 1.3, which encrypts it).");
		document.add(certs);

		section(document, "Findings: " + data.findings().size());
		PdfPTable findings = table(new float[] { 1.8f, 0.8f, 1, 3.5f, 3.5f, 1.6f }, "Rule", "Severity", "Criterion",
				"Explanation", "Remediation", "Frames");
		for (CaptureFinding f : data.findings()) {
			cells(findings, f.getRuleId(), f.getSeverity(), f.getCriterion(),
					f.getExplanation() + (f.getEvidence() == null ? "" : "\n" + f.getEvidence()), f.getRemediation(),
					f.getFrames().stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		empty(findings, data.findings().isEmpty(), 6, "No rule fired on this capture.");
		document.add(findings);

		Paragraph note = new Paragraph("Frames are numbered as Wireshark numbers them in the same file (frame 1 is "
				+ "the first packet). The analyzer's full JSON report and the raw capture (during its retention period) "
				+ "are kept with this evidence; the SHA-256 above identifies the file.", SMALL);
		note.setSpacingBefore(10);
		document.add(note);
		document.close();
	}

	/**
	 * The call-path diagram, drawn by the same model as the pages' SVG (OpenPDF cannot
	 * embed SVG), on a page of its own, with its sentences beneath for readers who cannot
	 * tell the lines apart.
	 */
	private static void callPath(Document document, CaptureReportData data) {
		CallPathDiagram diagram = data.callPath();
		if (diagram == null || diagram.empty()) {
			return;
		}
		document.newPage();
		section(document, "Call path: every signalling and media segment with its encryption");
		try {
			Image image = Image.getInstance(CallPathPng.render(diagram, 2));
			float width = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
			float height = document.getPageSize().getHeight() - document.topMargin() - document.bottomMargin() - 60;
			image.scaleToFit(Math.min(width, diagram.width() * 0.75f), Math.min(height, diagram.height() * 0.75f));
			image.setAlt(diagram.description());
			document.add(image);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot draw the call path of " + data.capture().getFileName(), e);
		}
		document.add(new Paragraph(diagram.description(), SMALL));
	}

	private static String tls(CaptureLeg leg) {
		if (leg.getTlsVersion() == null) {
			return leg.signallingEncrypted() ? "handshake not seen" : "none (plain text)";
		}
		return leg.getTlsVersion() + (leg.getCipherSuite() == null ? "" : "\n" + leg.getCipherSuite())
				+ (leg.getServerName() == null ? "" : "\nSNI " + leg.getServerName());
	}

	static String span(Capture c) {
		if (c.getFirstPacketAt() == null) {
			return "unknown time";
		}
		return time(c.getFirstPacketAt()) + " to " + time(c.getLastPacketAt());
	}

}
