package io.trunkguard.trace.web;

import io.trunkguard.evidence.GrowingFile;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.AnalysisWhileUploading;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} capture upload as a stream, part by part, so the
 * file goes straight from the socket to the file store: never into memory, never into a
 * temporary copy first (Spring's multipart resolution is off for this request, see
 * {@link CaptureMultipartResolver}). Parsed by {@link MultipartReader} through one large
 * buffer, the file hashed and written in the same large pieces. The small fields may come
 * before or after the file; unknown fields are skipped.
 *
 * <p>
 * The capture is analysed while it arrives ({@link AnalysisWhileUploading}), with the key
 * log and internal networks sent before the file (the page sends them first); whatever
 * makes the upload fail ends that analysis, as does a duplicate ({@link #withdraw}).
 */
final class StreamedCaptureUpload {

	/** The longest value of a small field. */
	private static final int MAX_FIELD_BYTES = 4096;

	private StoredFile capture;

	private StoredFile keyLog;

	private String label;

	private String vendorId;

	private final List<String> internal = new ArrayList<>();

	private AnalysisWhileUploading.HeadStart headStart;

	private StreamedCaptureUpload() {
	}

	static StreamedCaptureUpload read(HttpServletRequest request, CaptureIntake intake, String uploader)
			throws IOException {
		StreamedCaptureUpload upload = new StreamedCaptureUpload();
		boolean read = false;
		try {
			MultipartReader parts = new MultipartReader(request.getInputStream(),
					MultipartReader.boundaryOf(request.getContentType()), MultipartReader.DEFAULT_BUFFER_BYTES);
			for (MultipartReader.Part part = parts.next(); part != null; part = parts.next()) {
				InputStream in = part.content();
				switch (part.name()) {
					case "file" -> {
						if (upload.capture != null) {
							throw invalid("file", "Send one capture file per upload.");
						}
						GrowingFile growing = new GrowingFile();
						upload.headStart = intake.analyseWhileStoring(growing, upload.keyLog, upload.internal)
							.orElse(null);
						upload.capture = intake.storeCapture(in, part.fileName(), uploader, growing);
					}
					case "keylog" -> {
						if (part.fileName() != null && !part.fileName().isEmpty()) {
							upload.keyLog = intake.storeKeyLog(in, part.fileName(), uploader);
							upload.withdraw("a key log came after the capture");
						}
					}
					case "label" -> upload.label = text(in, "label");
					case "vendorId" -> upload.vendorId = text(in, "vendorId");
					case "internal" -> {
						upload.internal.add(text(in, "internal"));
						upload.withdraw("internal networks came after the capture");
					}
					default -> {
						// skipped by the next part
					}
				}
			}
			read = true;
		}
		catch (MultipartReader.MalformedMultipartException e) {
			throw malformed(e);
		}
		catch (UncheckedIOException e) {
			// the file store wraps what the stream threw while it was storing the file
			if (e.getCause() instanceof MultipartReader.MalformedMultipartException malformed) {
				throw malformed(malformed);
			}
			throw e;
		}
		finally {
			if (!read) {
				upload.withdraw("the upload was not read to its end");
			}
		}
		return upload;
	}

	/**
	 * Ends the analysis started while the file arrived: the upload did not become a
	 * capture of its own.
	 */
	void withdraw(String reason) {
		if (headStart != null) {
			headStart.withdraw(reason);
		}
	}

	private static InvalidInputException malformed(MultipartReader.MalformedMultipartException e) {
		return invalid("file",
				"The upload is not a well-formed multipart form: " + e.getMessage() + "; send it again.");
	}

	StoredFile capture() {
		return capture;
	}

	StoredFile keyLog() {
		return keyLog;
	}

	UploadFields fields() {
		return UploadFields.parse(label, vendorId, internal);
	}

	private static String text(InputStream in, String field) throws IOException {
		byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
		if (bytes.length > MAX_FIELD_BYTES) {
			throw invalid(field, "The field " + field + " is longer than " + MAX_FIELD_BYTES + " bytes.");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static InvalidInputException invalid(String field, String message) {
		return new InvalidInputException("capture.upload.invalid", message, Map.of(field, message));
	}

}
