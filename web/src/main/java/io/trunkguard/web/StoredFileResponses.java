package io.trunkguard.web;

import io.trunkguard.evidence.ContentTypes;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one way a stored file leaves the application: streamed from the file store (never
 * read into memory), as an attachment, with {@code X-Content-Type-Options: nosniff}, a
 * sandboxing Content-Security-Policy, and active content (HTML, SVG, XML) sent as
 * {@code application/octet-stream}. The SHA-256 travels in {@code X-Content-SHA256}.
 * Callers check who may download before calling.
 */
public final class StoredFileResponses {

	private StoredFileResponses() {
	}

	public static ResponseEntity<StreamingResponseBody> attachment(FileStore store, StoredFile file) {
		StreamingResponseBody body = out -> {
			try (InputStream in = store.open(file.getId())) {
				in.transferTo(out);
			}
		};
		String type = ContentTypes.isActive(file.getContentType()) ? ContentTypes.BINARY : file.getContentType();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.contentLength(file.getSizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.getOriginalName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header("X-Content-SHA256", file.getSha256())
			.body(body);
	}

}
