package io.trunkguard.trace.reports;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.reports.PdfPages;
import io.trunkguard.reports.TableExport;
import io.trunkguard.trace.CertificateWatch;
import io.trunkguard.trace.WatchedCertificate;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.trunkguard.reports.PdfBlocks.BODY;
import static io.trunkguard.reports.PdfBlocks.TITLE;
import static io.trunkguard.reports.PdfBlocks.cells;
import static io.trunkguard.reports.PdfBlocks.empty;
import static io.trunkguard.reports.PdfBlocks.section;
import static io.trunkguard.reports.PdfBlocks.table;
import static io.trunkguard.reports.ReportTimes.time;

/**
 * The certificate export an auditor asks for (CC6.7, CC7.2): every watched certificate,
 * of one carrier or of all, with subject, SANs, issuer, serial, validity, key, signature
 * algorithm, SHA-256 fingerprint, where it was seen and which certificate it renews, as
 * XLSX and PDF, stored as evidence dated the day it was produced.
 */
@Service
public class CertificateExports {

	public enum Format {

		XLSX(".xlsx", "workbook"), PDF(".pdf", "PDF");

		private final String extension;

		private final String label;

		Format(String extension, String label) {
			this.extension = extension;
			this.label = label;
		}

	}

	/** The stored export. */
	public record Export(EvidenceItem evidence, byte[] content, String fileName) {
	}

	static final List<String> HEADER = List.of("Subject", "Subject alternative names", "Issuer", "Serial", "Valid from",
			"Valid until", "Days left", "Key", "Signature algorithm", "SHA-256 fingerprint", "Carrier", "Where seen",
			"Renews", "Origin");

	private final CertificateWatch watch;

	private final VendorService vendors;

	private final EvidenceService evidence;

	private final Clock clock;

	CertificateExports(CertificateWatch watch, VendorService vendors, EvidenceService evidence,
			ObjectProvider<Clock> clock) {
		this.watch = watch;
		this.vendors = vendors;
		this.evidence = evidence;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Produces the export (of one carrier, or all when null) and stores it as evidence.
	 */
	@Transactional
	public Export export(VendorId vendor, Format format, String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String scope = vendor == null ? "all carriers" : vendors.get(vendor).getName();
		List<WatchedCertificate> certificates = vendor == null ? watch.all() : watch.ofVendor(vendor);
		List<List<String>> rows = certificates.stream().map(c -> row(c, today)).toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (format == Format.XLSX) {
			try {
				TableExport.xlsx("Certificates", HEADER, rows, out);
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot write the certificate export", e);
			}
		}
		else {
			pdf(scope, rows, now, out);
		}
		String fileName = "certificates-" + slug(scope) + "-" + today + format.extension;
		EvidenceItem item = evidence.store(out.toByteArray(), fileName,
				new EvidenceDraft("Certificate export (" + format.label + ") of " + scope + " on " + today,
						List.of("CC6.7", "CC7.2"), today, today, vendor == null ? "CertificateWatch" : "Vendor",
						vendor == null ? "all" : vendor.toString()),
				actor);
		return new Export(item, out.toByteArray(), fileName);
	}

	private List<String> row(WatchedCertificate c, LocalDate today) {
		String carrier = c.getVendorId() == null ? "" : vendors.get(c.getVendorId()).getName();
		String seen = watch.sightings(c)
			.stream()
			.map(s -> s.endpoint() + " in capture " + s.captureFile() + " (" + time(s.seenAt()) + ")")
			.collect(Collectors.joining("; "));
		if (seen.isEmpty()) {
			seen = c.getEndpoint() == null ? "added by hand" : c.getEndpoint() + " (added by hand)";
		}
		String renews = watch.renewalHistory(c)
			.stream()
			.map(earlier -> earlier.getSha256Fingerprint().substring(0, 16) + "… valid until "
					+ time(earlier.getNotAfter()))
			.collect(Collectors.joining("; "));
		Long left = c.daysLeft(today);
		return List.of(nz(c.getSubject()), String.join(", ", c.getSubjectAltNames()), nz(c.getIssuer()),
				nz(c.getSerial()), time(c.getNotBefore()), time(c.getNotAfter()), left == null ? "" : left.toString(),
				nz(c.getKeyAlgorithm()) + (c.getKeyBits() > 0 ? " " + c.getKeyBits() + " bits" : ""),
				nz(c.getSignatureAlgorithm()), c.getSha256Fingerprint(), carrier, seen, renews, c.getOrigin().label());
	}

	private static void pdf(String scope, List<List<String>> rows, Instant now, ByteArrayOutputStream out) {
		Document document = new Document(PageSize.A4.rotate(), 30, 30, 36, 36);
		PdfPages.writer(document, out, now, null);
		document.addTitle("Certificate export: " + scope);
		document.addCreator("Trunkguard");
		document.open();
		document.add(new Paragraph("Certificate export: " + scope, TITLE));
		document.add(new Paragraph("Every certificate Trunkguard watches for " + scope
				+ " (seen in captures or added by hand), by expiry. SOC 2 CC6.7 and CC7.2. Produced " + time(now) + ".",
				BODY));
		section(document, "Certificates");
		PdfPTable table = table(new float[] { 12, 10, 10, 5, 6, 6, 3, 5, 6, 12, 7, 12, 7 },
				HEADER.subList(0, 13).toArray(String[]::new));
		for (List<String> row : rows) {
			cells(table, row.subList(0, 13).toArray(String[]::new));
		}
		empty(table, rows.isEmpty(), 13, "No certificate is watched.");
		document.add(table);
		document.close();
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

	static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "carrier" : slug;
	}

}
