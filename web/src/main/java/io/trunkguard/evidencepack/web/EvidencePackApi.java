package io.trunkguard.evidencepack.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.trunkguard.evidencepack.EvidencePackVerifier;
import io.trunkguard.evidencepack.EvidencePacks;
import io.trunkguard.evidencepack.PackVerification;

/**
 * Evidence packs for scripts: {@code GET /api/evidence-packs?criteria=CC6.1,CC9.2&from=
 * 2026-01-01&to=2026-06-30} streams the pack ({@code application/zip}); a bad date or
 * criterion, or a period that ends before it starts, is a 400 problem. {@code POST
 * /api/evidence-packs/verify} takes a pack as the request body (any size, read as a
 * stream) and answers the verdict.
 */
@RestController
class EvidencePackApi {

	record VerificationResponse(boolean ok, String sentence, int files, String sha256) {

		static VerificationResponse of(PackVerification v) {
			return new VerificationResponse(v.ok(), v.sentence(), v.files(), v.sha256());
		}
	}

	private final EvidencePacks packs;

	private final EvidencePackVerifier verifier;

	private final Clock clock;

	EvidencePackApi(EvidencePacks packs, EvidencePackVerifier verifier, ObjectProvider<Clock> clock) {
		this.packs = packs;
		this.verifier = verifier;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/api/evidence-packs")
	ResponseEntity<StreamingResponseBody> pack(@RequestParam(required = false) String criteria,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication user) {
		return PackDownloads.zip(packs, PackDownloads.request(criteria, from, to, user.getName(), clock));
	}

	@PostMapping("/api/evidence-packs/verify")
	VerificationResponse verify(HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return VerificationResponse.of(verifier.verify(body));
		}
	}

}
