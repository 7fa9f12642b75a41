package io.trunkguard.review.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.trunkguard.web.LimitedUpload;
import io.trunkguard.web.UploadSizeLimit;

/**
 * A proof upload larger than the server's multipart limit is sent back to the remediation
 * page with a clear message by the shared {@link UploadSizeLimit}; nothing is read or
 * saved. Smaller files reach the review module, which refuses anything over 5 MB with the
 * typed note kept.
 */
@Configuration(proxyBeanMethods = false)
class ProofUploadLimit {

	static final String TOO_LARGE = UploadSizeLimit.TOO_LARGE;

	@Bean
	LimitedUpload proofUploads() {
		return LimitedUpload.of("^/reviews/remediations/[^/]+/confirm$", "/reviews/remediations");
	}

}
