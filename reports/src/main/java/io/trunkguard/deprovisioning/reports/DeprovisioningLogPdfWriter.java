package io.trunkguard.deprovisioning.reports;

import io.trunkguard.shared.Labels;

import io.trunkguard.deprovisioning.Durations;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.trunkguard.reports.PdfPages;
import com.lowagie.text.Image;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;
import io.trunkguard.deprovisioning.StepKind;

import java.awt.Color;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static io.trunkguard.deprovisioning.Durations.human;
import static io.trunkguard.deprovisioning.reports.DeprovisioningLogData.time;
import static io.trunkguard.reports.PdfBlocks.*;

/**
 * The PDF summary of a deprovisioning log: the period's counts, median and 95th
 * percentile time from HR event to last access removed, the share of cases that met every
 * SLA, a chart of each case's time to deprovision, the misses, and every case in one
 * line. Every step is in the XLSX.
 */
final class DeprovisioningLogPdfWriter {

	private static final Color MET = new Color(0x1A, 0x7F, 0x37);

	private static final Color MISSED = new Color(0xCF, 0x22, 0x2E);

	private DeprovisioningLogPdfWriter() {
	}

	static void write(DeprovisioningLogData data, OutputStream out) {
		DeprovisioningStatistics s = data.statistics();
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		PdfWriter writer = PdfPages.writer(document, out, data.generatedAt(), null);
		document.addTitle("Deprovisioning log " + data.period().from() + " to " + data.period().to());
		document.addSubject("SOC 2 CC6.1 HR-triggered deprovisioning");
		document.addCreator("Trunkguard");
		document.open();
		document.add(new Paragraph("Deprovisioning log", TITLE));
		document.add(new Paragraph(
				"HR events from " + data.period().from() + " to " + data.period().to() + " (UTC) · SOC 2 CC6.1",
				HEADING));
		document.add(Chunk.NEWLINE);

		PdfPTable facts = table(new float[] { 2, 3 });
		fact(facts, "Cases", s.cases() + " (" + s.completed() + " completed, " + s.open() + " open)");
		fact(facts, "Median time to deprovision", s.median().map(Durations::human).orElse("no completed case"));
		fact(facts, "95th percentile", s.p95().map(Durations::human).orElse("no completed case"));
		fact(facts, "Longest", s.longest().map(Durations::human).orElse("no completed case"));
		fact(facts, "SLA met", s.slaMetPercent()
			.map(p -> String.format(Locale.ROOT, "%.1f %% (%d of %d completed cases)", p, s.slaMet(), s.completed()))
			.orElse("no completed case"));
		fact(facts, "Default SLA (HR event to each access removed)", human(data.defaultSla()));
		fact(facts, "Generated", time(data.generatedAt()));
		document.add(facts);

		section(document, "Time to deprovision per case");
		document.add(chart(writer, data));

		section(document, "SLA misses (" + s.misses().size() + ")");
		PdfPTable misses = table(new float[] { 1.6f, 1.4f, 2, 2, 1.4f, 4 }, "HR id", "Login", "HR event",
				"Last access removed", "Time", "What was late");
		for (DeprovisioningCase c : s.misses()) {
			cells(misses, c.getHrId(), c.getUsername(), time(c.getEffectiveAt()), time(c.getLastAccessRemovedAt()),
					human(c.timeToDeprovision().orElse(null)), lateSteps(c));
		}
		empty(misses, s.misses().isEmpty(), 6, "Every completed case met its SLAs.");
		document.add(misses);

		section(document, "Every case (" + data.cases().size() + ")");
		PdfPTable all = table(new float[] { 1.6f, 1.4f, 1.3f, 2, 1, 2, 1.4f, 1 }, "HR id", "Login", "Source",
				"HR event", "Status", "Last access removed", "Time", "SLA");
		for (DeprovisioningCase c : data.cases()) {
			cells(all, c.getHrId(), c.getUsername(), Labels.capitalisedLabel(c.getSource()), time(c.getEffectiveAt()),
					Labels.capitalisedLabel(c.getStatus()), time(c.getLastAccessRemovedAt()),
					human(c.timeToDeprovision().orElse(null)),
					c.getSlaMet() == null ? "open" : c.getSlaMet() ? "met" : "missed");
		}
		empty(all, data.cases().isEmpty(), 8, "No HR termination event in this period.");
		document.add(all);
		document.close();
	}

	private static String lateSteps(DeprovisioningCase c) {
		List<String> late = c.getSteps()
			.stream()
			.filter(st -> !st.metSla() || st.getKind() == StepKind.ESCALATED)
			.map(st -> st.getKind() == StepKind.ESCALATED ? "escalated: " + st.getSystemName()
					: st.getSystemName() + " removed " + time(st.getDoneAt()) + " by " + st.getDoneBy())
			.distinct()
			.toList();
		return String.join("; ", late);
	}

	/**
	 * A scatter chart drawn on a template: x the HR event in the period, y hours to the
	 * last access removed.
	 */
	private static Image chart(PdfWriter writer, DeprovisioningLogData data) {
		float width = 760;
		float height = 170;
		float left = 40;
		float bottom = 20;
		float plotW = width - left - 10;
		float plotH = height - bottom - 10;
		List<DeprovisioningCase> done = data.cases().stream().filter(c -> c.timeToDeprovision().isPresent()).toList();
		double slaHours = data.defaultSla().toSeconds() / 3600.0;
		double maxHours = Math.max(slaHours * 1.25,
				done.stream().mapToDouble(c -> c.timeToDeprovision().orElseThrow().toSeconds() / 3600.0).max().orElse(0)
						* 1.1);
		double span = Math.max(1, Duration.between(data.period().start(), data.period().end()).toSeconds());
		PdfContentByte canvas = writer.getDirectContent();
		PdfTemplate t = canvas.createTemplate(width, height);
		BaseFont font = FontFactory.getFont(FontFactory.HELVETICA).getBaseFont();
		t.setColorStroke(Color.LIGHT_GRAY);
		t.rectangle(left, bottom, plotW, plotH);
		t.stroke();
		t.beginText();
		t.setFontAndSize(font, 7);
		t.setColorFill(Color.DARK_GRAY);
		for (int i = 0; i <= 4; i++) {
			double hours = maxHours * i / 4;
			t.showTextAligned(Element.ALIGN_RIGHT, String.format(Locale.ROOT, "%.1f h", hours), left - 3,
					(float) (bottom + plotH * i / 4) - 2, 0);
		}
		t.showTextAligned(Element.ALIGN_LEFT, data.period().from().toString(), left, 6, 0);
		t.showTextAligned(Element.ALIGN_RIGHT, data.period().to().toString(), left + plotW, 6, 0);
		t.endText();
		float slaY = (float) (bottom + plotH * slaHours / maxHours);
		t.setColorStroke(MISSED);
		t.setLineDash(4, 3, 0);
		t.moveTo(left, slaY);
		t.lineTo(left + plotW, slaY);
		t.stroke();
		t.setLineDash(0);
		for (DeprovisioningCase c : done) {
			double hours = c.timeToDeprovision().orElseThrow().toSeconds() / 3600.0;
			double fraction = Math.min(1,
					Math.max(0, Duration.between(data.period().start(), c.getEffectiveAt()).toSeconds() / span));
			t.setColorFill(Boolean.TRUE.equals(c.getSlaMet()) ? MET : MISSED);
			t.circle((float) (left + plotW * fraction), (float) (bottom + plotH * hours / maxHours), 2.5f);
			t.fill();
		}
		Image image = Image.getInstance(t);
		image.setAlignment(Element.ALIGN_LEFT);
		return image;
	}

}
