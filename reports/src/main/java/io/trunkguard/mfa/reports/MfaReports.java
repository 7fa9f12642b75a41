package io.trunkguard.mfa.reports;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.mfa.MfaRead;
import io.trunkguard.mfa.MfaReadRecorded;
import io.trunkguard.mfa.MfaReadRow;
import io.trunkguard.mfa.MfaService;
import io.trunkguard.reports.PdfPages;
import io.trunkguard.reports.SpreadsheetText;
import io.trunkguard.shared.Labels;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.trunkguard.reports.PdfBlocks.BODY;
import static io.trunkguard.reports.PdfBlocks.TITLE;
import static io.trunkguard.reports.PdfBlocks.cells;
import static io.trunkguard.reports.PdfBlocks.empty;
import static io.trunkguard.reports.PdfBlocks.section;
import static io.trunkguard.reports.PdfBlocks.table;
import static io.trunkguard.reports.ReportTimes.time;

/**
 * The MFA report of one read (CC6.1): what the realm requires, each privileged person
 * with their roles, second factors and finding, and the exceptions. Every read is stored
 * as XLSX and PDF evidence dated the day it was read, in the read's own transaction, so a
 * read never exists without its evidence.
 */
@Service
public class MfaReports {

	/** The evidence's subject type; the subject id is the read's id. */
	public static final String SUBJECT_TYPE = "MfaRead";

	static final List<String> HEADER = List.of("Person", "Username", "Privileged roles", "Second factors", "Status",
			"Exception", "Finding");

	/**
	 * Relative widths of the people table's columns on A4 landscape: wide enough that no
	 * header word breaks ("Exception" needs 7.5 of 100).
	 */
	static final float[] PEOPLE_WIDTHS = { 12, 9, 19, 12, 10, 7.5f, 30.5f };

	/** The width of the PDF's tables: A4 landscape less the margins. */
	static final float TABLE_WIDTH = PageSize.A4.rotate().getWidth() - 60;

	private final MfaService mfa;

	private final EvidenceService evidence;

	MfaReports(MfaService mfa, EvidenceService evidence) {
		this.mfa = mfa;
		this.evidence = evidence;
	}

	@EventListener
	void on(MfaReadRecorded recorded) {
		MfaRead read = mfa.get(recorded.readId());
		LocalDate day = LocalDate.ofInstant(read.getReadAt(), ZoneOffset.UTC);
		String title = "MFA on privileged access, read " + time(read.getReadAt());
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		writeXlsx(read, xlsx);
		evidence.store(xlsx.toByteArray(), "mfa-privileged-access-" + day + ".xlsx",
				new EvidenceDraft(title + " (workbook)", List.of("CC6.1"), day, day, SUBJECT_TYPE,
						read.getId().toString()),
				recorded.actor());
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		writePdf(read, pdf);
		evidence.store(pdf.toByteArray(), "mfa-privileged-access-" + day + ".pdf",
				new EvidenceDraft(title + " (PDF)", List.of("CC6.1"), day, day, SUBJECT_TYPE, read.getId().toString()),
				recorded.actor());
	}

	static List<String> row(MfaReadRow r) {
		return List.of(r.getFullName() == null ? r.getUsername() : r.getFullName(), r.getUsername(), r.getRoles(),
				r.getFactors().isEmpty() ? "none" : r.getFactors(), Labels.capitalisedLabel(r.getStatus()),
				r.isException() ? "Yes" : "No", r.getSentence());
	}

	public static void writeXlsx(MfaRead read, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			SXSSFSheet people = workbook.createSheet("Privileged people");
			Row head = people.createRow(0);
			for (int c = 0; c < HEADER.size(); c++) {
				SpreadsheetText.write(head, c, HEADER.get(c)).setCellStyle(bold);
			}
			int r = 1;
			for (MfaReadRow person : read.getRows()) {
				Row row = people.createRow(r++);
				List<String> values = row(person);
				for (int c = 0; c < values.size(); c++) {
					SpreadsheetText.write(row, c, values.get(c));
				}
			}
			people.createFreezePane(0, 1);
			SXSSFSheet realm = workbook.createSheet("Realm");
			int line = 0;
			SpreadsheetText
				.write(realm.createRow(line++), 0,
						"Read " + time(read.getReadAt()) + " by " + read.getReadBy() + " from " + read.getSource()
								+ ".")
				.setCellStyle(bold);
			for (String sentence : read.getRealmSentences()) {
				SpreadsheetText.write(realm.createRow(line++), 0, sentence);
			}
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the MFA workbook", e);
		}
	}

	public static void writePdf(MfaRead read, OutputStream out) {
		Document document = new Document(PageSize.A4.rotate(), 30, 30, 36, 36);
		PdfPages.writer(document, out, read.getReadAt(), null);
		document.addTitle("MFA on privileged access");
		document.addCreator("Trunkguard");
		document.open();
		document.add(new Paragraph("MFA on privileged access (SOC 2 CC6.1)", TITLE));
		document.add(new Paragraph(
				"Read " + time(read.getReadAt()) + " by " + read.getReadBy() + " from " + read.getSource()
						+ ": every holder of a privileged grant and every Trunkguard admin, compliance "
						+ "lead and auditor, whether they have a second factor and whether the login requires it.",
				BODY));
		section(document, read.isIdentityProvider() ? "What the realm requires" : "No identity provider");
		for (String sentence : read.getRealmSentences()) {
			document.add(new Paragraph(sentence, BODY));
		}
		section(document, "Exceptions (" + read.getExceptionCount() + ")");
		PdfPTable exceptions = table(new float[] { 14, 22, 64 }, "Person", "Privileged roles", "Finding");
		for (MfaReadRow r : read.getExceptions()) {
			cells(exceptions, r.getPersonNamed(), r.getRoles(), r.getSentence());
		}
		empty(exceptions, read.getExceptions().isEmpty(), 3,
				read.isIdentityProvider()
						? "No exception: every privileged person has a second factor the login requires."
						: "None can be found without an identity provider.");
		document.add(exceptions);
		section(document, "Privileged people (" + read.getRows().size() + ")");
		PdfPTable people = table(PEOPLE_WIDTHS, HEADER.toArray(String[]::new));
		for (MfaReadRow r : read.getRows()) {
			cells(people, row(r).toArray(String[]::new));
		}
		empty(people, read.getRows().isEmpty(), 7, "Nobody holds a privileged grant or a Trunkguard role.");
		document.add(people);
		document.close();
	}

}
