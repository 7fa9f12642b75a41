package io.trunkguard.trace.reports;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.trace.CallPathDiagrams;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureAnalysed;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.CaptureStatus;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a capture's compliance report (PDF and XLSX) and, once the capture is analysed,
 * keeps both as evidence of CC6.7 (and CC7.2 when it shows anomalies), dated by the
 * capture's own time span rather than the day it was uploaded.
 */
@Service
public class CaptureReports {

	static final String ACTOR = "system:capture-reports";

	static final String SUBJECT_TYPE = "Capture";

	private static final long MAX_REPORT_BYTES = 256L * 1024 * 1024;

	private final CaptureService captures;

	private final VendorService vendors;

	private final FileStore files;

	private final EvidenceService evidence;

	private final Clock clock;

	private final CallPathDiagrams diagrams;

	CaptureReports(CaptureService captures, VendorService vendors, FileStore files, EvidenceService evidence,
			ObjectProvider<Clock> clock, CallPathDiagrams diagrams) {
		this.captures = captures;
		this.diagrams = diagrams;
		this.vendors = vendors;
		this.files = files;
		this.evidence = evidence;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional(readOnly = true)
	public void writePdf(CaptureId id, OutputStream out) {
		CapturePdfWriter.write(data(id), out);
	}

	@Transactional(readOnly = true)
	public void writeXlsx(CaptureId id, OutputStream out) {
		try {
			CaptureXlsxWriter.write(data(id), out);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the report of capture " + id, e);
		}
	}

	@ApplicationModuleListener
	void on(CaptureAnalysed analysed) {
		storeAsEvidence(analysed.captureId(), ACTOR);
	}

	/** Generates both files and records them as evidence of the capture's time span. */
	@Transactional
	public List<StoredFile> storeAsEvidence(CaptureId id, String actor) {
		CaptureReportData data = data(id);
		Capture c = data.capture();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		CapturePdfWriter.write(data, pdf);
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try {
			CaptureXlsxWriter.write(data, xlsx);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the report of capture " + id, e);
		}
		List<String> controls = new ArrayList<>(List.of("CC6.7"));
		if (!data.failedRules("CC7.2").isEmpty()) {
			controls.add("CC7.2");
		}
		LocalDate from = day(c.getFirstPacketAt() == null ? c.getUploadedAt() : c.getFirstPacketAt());
		LocalDate to = day(c.getLastPacketAt() == null ? c.getUploadedAt() : c.getLastPacketAt());
		String base = baseName(c.getFileName());
		List<StoredFile> stored = new ArrayList<>();
		for (Object[] file : new Object[][] { { pdf, ".pdf", "PDF" }, { xlsx, ".xlsx", "workbook" } }) {
			StoredFile saved = files.store(((ByteArrayOutputStream) file[0]).toByteArray(),
					FileUpload.of(base + "-compliance-report" + file[1], actor, MAX_REPORT_BYTES));
			evidence.record(saved.getId(),
					new EvidenceDraft("Capture compliance report (" + file[2] + ") of " + c.getFileName(), controls,
							from, to, SUBJECT_TYPE, id.toString()),
					actor);
			stored.add(saved);
		}
		return stored;
	}

	private CaptureReportData data(CaptureId id) {
		Capture capture = captures.get(id);
		if (capture.getStatus() != CaptureStatus.DONE) {
			throw new InvalidStateException("capture.not-analysed", "The capture " + capture.getFileName()
					+ " is not analysed yet: " + capture.getStatus().description() + ".");
		}
		List<CaptureLeg> legs = captures.legs(id);
		List<CaptureFinding> findings = captures.findings(id);
		Map<String, String> carriers = new LinkedHashMap<>();
		for (CaptureLeg leg : legs) {
			VendorId vendor = leg.getVendorId();
			if (vendor != null) {
				carriers.computeIfAbsent(vendor.toString(), v -> vendors.get(vendor).getName());
			}
		}
		return new CaptureReportData(capture, legs, findings, captures.certificates(id), carriers, clock.instant(),
				diagrams.ofCapture(id));
	}

	private static LocalDate day(java.time.Instant at) {
		return at.atZone(ZoneOffset.UTC).toLocalDate();
	}

	private static String baseName(String fileName) {
		String name = fileName.replaceAll("\\.(pcapng|pcap|cap)(\\.gz)?$", "");
		return name.isBlank() ? "capture" : name;
	}

}
