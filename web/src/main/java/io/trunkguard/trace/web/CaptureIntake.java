package io.trunkguard.trace.web;

import io.trunkguard.evidence.ContentTypes;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.GrowingFile;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.AnalysisWhileUploading;
import io.trunkguard.trace.CaptureReceipt;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.NewCapture;
import io.trunkguard.trace.TraceProperties;
import io.trunkguard.vendor.VendorService;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a capture in, from the streamed API upload or the page's form: the bytes go to
 * the file store (hashed while streaming, refused beyond the limit), then the capture is
 * recorded and queued, or recognised as an earlier upload of the same bytes.
 */
@Component
class CaptureIntake {

	/** A key log is a few lines per TLS session. */
	static final long MAX_KEY_LOG_BYTES = 16L * 1024 * 1024;

	private static final Set<String> CAPTURE_TYPES = Set.of(ContentTypes.PCAP, ContentTypes.PCAPNG, ContentTypes.GZIP);

	private final FileStore files;

	private final CaptureService captures;

	private final VendorService vendors;

	private final TraceProperties properties;

	private final AnalysisWhileUploading headStarts;

	CaptureIntake(FileStore files, CaptureService captures, VendorService vendors, TraceProperties properties,
			AnalysisWhileUploading headStarts) {
		this.files = files;
		this.headStarts = headStarts;
		this.captures = captures;
		this.vendors = vendors;
		this.properties = properties;
	}

	long maxCaptureBytes() {
		return properties.maxCaptureSize().toBytes();
	}

	/** Whether a request declaring this many bytes must be refused before it is read. */
	boolean tooLarge(long declaredRequestBytes) {
		// the multipart envelope and the small fields come on top of the file
		return declaredRequestBytes > maxCaptureBytes() + MAX_KEY_LOG_BYTES + 64 * 1024;
	}

	StoredFile storeCapture(InputStream content, String name, String uploader) {
		return files.store(content, captureUpload(name, uploader));
	}

	/** Stores the capture while {@code growing}'s reader follows the writing. */
	StoredFile storeCapture(InputStream content, String name, String uploader, GrowingFile growing) {
		return files.store(content, captureUpload(name, uploader).following(growing));
	}

	private FileUpload captureUpload(String name, String uploader) {
		return new FileUpload(name, uploader, maxCaptureBytes(), CAPTURE_TYPES);
	}

	/**
	 * Starts analysing the capture {@code growing} is about to receive, with the key log
	 * and internal networks sent so far; empty when they are not valid (the upload will
	 * say so) or another analysis runs ahead already.
	 */
	Optional<AnalysisWhileUploading.HeadStart> analyseWhileStoring(GrowingFile growing, StoredFile keyLog,
			List<String> internal) {
		List<String> networks;
		try {
			networks = UploadFields.parse(null, null, internal).internalNetworks();
		}
		catch (InvalidInputException e) {
			return Optional.empty();
		}
		return headStarts.start(growing, keyLog == null ? null : keyLog.getId().value(), networks);
	}

	StoredFile storeKeyLog(InputStream content, String name, String uploader) {
		return files.store(content, new FileUpload(name, uploader, MAX_KEY_LOG_BYTES, Set.of(ContentTypes.TEXT)));
	}

	CaptureReceipt receive(StoredFile capture, StoredFile keyLog, UploadFields fields, String uploader) {
		if (capture == null) {
			throw new InvalidInputException("capture.file-required", "Choose a capture file (pcap, pcapng or gzip).",
					Map.of("file", "Choose a capture file (pcap, pcapng or gzip)."));
		}
		if (fields.vendorId() != null) {
			vendors.get(fields.vendorId()); // not found: 404 before anything is queued
		}
		return captures.receive(new NewCapture(capture.getOriginalName(), capture.getSha256(), capture.getSizeBytes(),
				capture.getId().value(), keyLog == null ? null : keyLog.getId().value(), fields.label(),
				fields.vendorId(), fields.internalNetworks(), uploader));
	}

}
