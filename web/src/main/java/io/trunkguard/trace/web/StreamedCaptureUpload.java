package io.trunkguard.trace.web;

import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} capture upload as a stream, part by part, so the
 * file goes straight from the socket to the file store: never into memory, never into a
 * temporary copy first (Spring's multipart resolution is off for this request, see
 * {@link CaptureMultipartResolver}). Uses the streaming parser embedded in Tomcat (the
 * servlet container the application ships with). The small fields may come before or
 * after the file.
 */
final class StreamedCaptureUpload {

	/** The longest value of a small field. */
	private static final int MAX_FIELD_BYTES = 4096;

	private StoredFile capture;

	private StoredFile keyLog;

	private String label;

	private String vendorId;

	private final List<String> internal = new ArrayList<>();

	private StreamedCaptureUpload() {
	}

	static StreamedCaptureUpload read(HttpServletRequest request, CaptureIntake intake, String uploader)
			throws IOException {
		StreamedCaptureUpload upload = new StreamedCaptureUpload();
		FileUpload parser = new FileUpload();
		parser.setFileSizeMax(-1); // the file store enforces the limit while it streams
		parser.setSizeMax(-1);
		try {
			FileItemIterator items = parser.getItemIterator(new ServletRequestContext(request));
			while (items.hasNext()) {
				FileItemStream item = items.next();
				try (InputStream in = item.openStream()) {
					switch (item.getFieldName()) {
						case "file" -> {
							if (upload.capture != null) {
								throw invalid("file", "Send one capture file per upload.");
							}
							upload.capture = intake.storeCapture(in, item.getName(), uploader);
						}
						case "keylog" -> {
							if (item.getName() != null && !item.getName().isEmpty()) {
								upload.keyLog = intake.storeKeyLog(in, item.getName(), uploader);
							}
						}
						case "label" -> upload.label = text(in, "label");
						case "vendorId" -> upload.vendorId = text(in, "vendorId");
						case "internal" -> upload.internal.add(text(in, "internal"));
						default -> in.transferTo(OutputStreamDiscard.INSTANCE);
					}
				}
			}
		}
		catch (FileUploadException e) {
			throw invalid("file", "The upload is not a well-formed multipart form (" + e.getMessage() + ").");
		}
		return upload;
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

	/** Skips parts nobody asked for. */
	private static final class OutputStreamDiscard extends java.io.OutputStream {

		static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
