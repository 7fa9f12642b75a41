package io.trunkguard.evidencepack.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditHashes;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.control.Control;
import io.trunkguard.control.ControlService;
import io.trunkguard.deprovisioning.DeprovisioningOverview;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.evidencepack.AuditHead;
import io.trunkguard.evidencepack.EvidencePacks;
import io.trunkguard.engagement.PeriodRecords;
import io.trunkguard.evidencepack.PackRequest;
import io.trunkguard.evidencepack.PackSummary;

/**
 * Streams a pack into a {@link ZipOutputStream} on the caller's stream: the workbooks
 * (each straight from its SXSSF workbook), the stored evidence files (copied from the
 * file store, their hashes checked on the way), the audit trail head, the OSCAL document,
 * the manifest and, last, the index, which then knows every hash. Each entry is hashed as
 * it is written and the whole ZIP as it leaves; only the list of files and the small JSON
 * and PDF documents are held in memory. The export is audited after the last byte.
 */
@Service
class ZipEvidencePacks implements EvidencePacks {

	static final String HEAD_PATH = "audit-trail-head.json";

	private static final Logger log = LoggerFactory.getLogger(ZipEvidencePacks.class);

	private final ControlService controls;

	private final EvidenceService evidence;

	private final FileStore files;

	private final PeriodRecords records;

	private final DeprovisioningOverview deprovisioning;

	private final AuditEntries auditEntries;

	private final AuditTrail auditTrail;

	private final Clock clock;

	ZipEvidencePacks(ControlService controls, EvidenceService evidence, FileStore files, PeriodRecords records,
			DeprovisioningOverview deprovisioning, AuditEntries auditEntries, AuditTrail auditTrail,
			ObjectProvider<Clock> clock) {
		this.controls = controls;
		this.evidence = evidence;
		this.files = files;
		this.records = records;
		this.deprovisioning = deprovisioning;
		this.auditEntries = auditEntries;
		this.auditTrail = auditTrail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public PackSummary write(PackRequest request, OutputStream out) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		AuditHead head = auditEntries.findFirstByOrderBySequenceDesc()
			.map(e -> new AuditHead(e.getSequence(), e.getHash()))
			.orElse(new AuditHead(0, AuditHashes.GENESIS));
		List<PackFile> listed = new ArrayList<>();
		List<PackIndexPdf.Problem> problems = new ArrayList<>();
		Map<String, Long> workbookRows = new LinkedHashMap<>();
		HashingOutputStream pack = new HashingOutputStream(out);
		try {
			ZipOutputStream zip = new ZipOutputStream(pack, StandardCharsets.UTF_8);
			// most entries are compressed already (XLSX, PDF): the fastest level costs
			// least
			zip.setLevel(Deflater.BEST_SPEED);
			zip.setComment("Trunkguard evidence pack " + request.from() + " to " + request.to());
			PackWorkbooks workbooks = new PackWorkbooks(records, deprovisioning.defaultSla());
			for (PackWorkbooks.Book book : PackWorkbooks.Book.values()) {
				List<String> covered = covered(book.controls, request.criteria());
				if (covered.isEmpty()) {
					continue;
				}
				long[] rows = new long[1];
				PackFile file = entry(zip, now, book.path, book.title, PackWorkbooks.XLSX, covered, request.from(),
						request.to(), stream -> rows[0] = workbooks.write(book, request.from(), request.to(), stream));
				workbookRows.put(book.path, rows[0]);
				listed.add(file);
			}
			storedEvidence(zip, now, request, listed, problems);
			listed.add(entry(zip, now, HEAD_PATH, "Audit trail head at export", "application/json", request.criteria(),
					request.from(), request.to(),
					stream -> stream.write(headJson(head, now).getBytes(StandardCharsets.UTF_8))));

			long statusStart = System.nanoTime();
			List<PackIndexPdf.Criterion> criteria = criteria(request, listed);
			log.debug("computed the status of {} criteria in {} ms", criteria.size(),
					(System.nanoTime() - statusStart) / 1_000_000);
			PackManifest.Content beforeOscal = manifest(request, now, head, listed);
			listed.add(entry(zip, now, OscalAssessmentResults.PATH, "OSCAL 1.1.2 assessment results",
					"application/json", request.criteria(), request.from(), request.to(),
					stream -> OscalAssessmentResults.write(beforeOscal, criteria, stream)));

			PackManifest.Content manifest = manifest(request, now, head, listed);
			PackFile manifestFile = entry(zip, now, PackManifest.PATH, "Manifest", "application/json",
					request.criteria(), request.from(), request.to(), stream -> PackManifest.write(manifest, stream));
			PackIndexPdf.Registers registers = registers(request);
			entry(zip, now, PackIndexPdf.PATH, "Index", "application/pdf", request.criteria(), request.from(),
					request.to(), stream -> PackIndexPdf.write(manifest, manifestFile.sha256(), criteria, workbookRows,
							registers, problems, stream));
			zip.finish();
			zip.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException("the evidence pack could not be written to its stream", e);
		}
		PackSummary summary = new PackSummary(pack.sha256(), pack.count(), listed.size() + 2, head);
		Map<String, Object> details = new TreeMap<>();
		details.put("audit", request.auditName());
		details.put("criteria", String.join(",", request.criteria()));
		details.put("from", request.from());
		details.put("to", request.to());
		details.put("sha256", summary.sha256());
		details.put("sizeBytes", summary.sizeBytes());
		details.put("files", summary.files());
		details.put("auditTrailHeadSequence", head.sequence());
		details.put("generatedAt", now);
		auditTrail.record(request.requestedBy(), EXPORTED, "EvidencePack", request.fileName(), details);
		return summary;
	}

	/**
	 * The SIP changes of the period and the certificate inventory at its end for the
	 * index, when CC6.7 is in scope (tens or hundreds of rows a year, unlike the
	 * decisions).
	 */
	private PackIndexPdf.Registers registers(PackRequest request) {
		if (!request.criteria().contains("CC6.7")) {
			return null;
		}
		List<PeriodRecords.SipChangeRow> changes = new ArrayList<>();
		records.sipChanges(request.from(), request.to(), changes::add);
		List<PeriodRecords.CertificateRow> certificates = new ArrayList<>();
		records.certificates(request.to(), certificates::add);
		return new PackIndexPdf.Registers(request.to(), changes, certificates);
	}

	private void storedEvidence(ZipOutputStream zip, Instant now, PackRequest request, List<PackFile> listed,
			List<PackIndexPdf.Problem> problems) throws IOException {
		Map<StoredFileId, List<EvidenceItem>> byFile = new LinkedHashMap<>();
		for (EvidenceItem item : evidence.evidencing(request.from(), request.to())) {
			if (!covered(item.getControls(), request.criteria()).isEmpty()) {
				byFile.computeIfAbsent(item.getFileId(), id -> new ArrayList<>()).add(item);
			}
		}
		Map<StoredFileId, StoredFile> stored = new LinkedHashMap<>();
		for (StoredFile file : files.get(byFile.keySet())) {
			stored.put(file.getId(), file);
		}
		Set<String> paths = new HashSet<>();
		for (Map.Entry<StoredFileId, List<EvidenceItem>> entry : byFile.entrySet()) {
			List<EvidenceItem> items = entry.getValue();
			EvidenceItem first = items.get(0);
			StoredFile file = stored.get(entry.getKey());
			Set<String> itemControls = new LinkedHashSet<>();
			items.forEach(i -> itemControls.addAll(i.getControls()));
			List<String> covered = covered(List.copyOf(itemControls), request.criteria());
			LocalDate from = items.stream().map(EvidenceItem::getEvidencedFrom).min(Comparator.naturalOrder()).get();
			LocalDate to = items.stream().map(EvidenceItem::getEvidencedTo).max(Comparator.naturalOrder()).get();
			if (file == null) {
				problems.add(new PackIndexPdf.Problem(first.getTitle(), "Left out: its stored file is not recorded."));
				continue;
			}
			String path = path(first, file, paths);
			InputStream bytes;
			try {
				bytes = files.open(file.getId());
			}
			catch (RuntimeException e) {
				problems.add(new PackIndexPdf.Problem(path,
						"Left out: the bytes of the stored file cannot be read from the file store."));
				continue;
			}
			try (bytes) {
				PackFile written = entry(zip, now, path, first.getTitle(), file.getContentType(), covered, from, to,
						bytes::transferTo);
				if (!written.sha256().equals(file.getSha256())) {
					problems.add(new PackIndexPdf.Problem(path, "Its bytes hash to " + written.sha256()
							+ ", not to the SHA-256 recorded when it was stored, " + file.getSha256() + "."));
				}
				listed.add(written);
			}
		}
	}

	private List<PackIndexPdf.Criterion> criteria(PackRequest request, List<PackFile> listed) {
		List<PackIndexPdf.Criterion> criteria = new ArrayList<>();
		for (Control control : controls.all()) {
			if (!request.criteria().contains(control.getCode())) {
				continue;
			}
			int count = (int) listed.stream().filter(f -> f.controls().contains(control.getCode())).count();
			criteria.add(new PackIndexPdf.Criterion(control, controls.narrative(control.getCode()).orElse(null),
					controls.status(control.getCode(), request.from(), request.to()), count));
		}
		return criteria;
	}

	private static PackManifest.Content manifest(PackRequest request, Instant now, AuditHead head,
			List<PackFile> listed) {
		return new PackManifest.Content(PackManifest.FORMAT, now, request.requestedBy(), request.auditName(),
				request.criteria(), request.from(), request.to(), head, List.copyOf(listed));
	}

	/** Writes one entry, hashing it on the way; the writer must not close the stream. */
	private static PackFile entry(ZipOutputStream zip, Instant now, String path, String title, String mediaType,
			List<String> controls, LocalDate from, LocalDate to, EntryWriter writer) throws IOException {
		long start = System.nanoTime();
		ZipEntry entry = new ZipEntry(path);
		entry.setTime(now.toEpochMilli());
		zip.putNextEntry(entry);
		HashingOutputStream hashing = new HashingOutputStream(zip);
		writer.write(hashing);
		hashing.flush();
		zip.closeEntry();
		log.debug("wrote {} ({} bytes) in {} ms", path, hashing.count(), (System.nanoTime() - start) / 1_000_000);
		return new PackFile(path, title, hashing.sha256(), hashing.count(), mediaType, controls, from, to);
	}

	static String headJson(AuditHead head, Instant now) {
		return "{\n  \"sequence\" : " + head.sequence() + ",\n  \"hash\" : \"" + head.hash() + "\",\n  \"readAt\" : \""
				+ now + "\"\n}\n";
	}

	private static List<String> covered(List<String> controls, List<String> criteria) {
		return criteria.stream().filter(controls::contains).toList();
	}

	private static String path(EvidenceItem item, StoredFile file, Set<String> taken) {
		String folder = item.getSubjectType()
			.replaceAll("([a-z])([A-Z])", "$1-$2")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9-]", "-");
		String name = file.getOriginalName().replaceAll("[^A-Za-z0-9._-]", "-");
		String base = "evidence/" + folder + "/" + item.getEvidencedTo() + "_" + name;
		String path = base;
		int n = 2;
		while (!taken.add(path)) {
			int dot = base.lastIndexOf('.');
			path = dot > base.lastIndexOf('/') ? base.substring(0, dot) + "-" + n + base.substring(dot)
					: base + "-" + n;
			n++;
		}
		return path;
	}

	/** Writes an entry's bytes. */
	@FunctionalInterface
	interface EntryWriter {

		void write(OutputStream out) throws IOException;

	}

}
