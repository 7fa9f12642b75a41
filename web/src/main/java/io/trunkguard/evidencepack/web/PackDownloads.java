package io.trunkguard.evidencepack.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.trunkguard.evidencepack.EvidencePacks;
import io.trunkguard.evidencepack.PackRequest;

/**
 * A pack as a streamed download: the request is checked first (so bad input is a 400
 * before any byte), then the ZIP goes straight to the response. Unset dates mean the
 * current calendar year up to today.
 */
final class PackDownloads {

	private PackDownloads() {
	}

	static PackRequest request(String criteria, String from, String to, String user, Clock clock) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return PackRequest.parse(criteria, blank(from) ? today.withDayOfYear(1).toString() : from,
				blank(to) ? today.toString() : to, user, null);
	}

	static ResponseEntity<StreamingResponseBody> zip(EvidencePacks packs, PackRequest request) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(request.fileName()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> packs.write(request, out));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
