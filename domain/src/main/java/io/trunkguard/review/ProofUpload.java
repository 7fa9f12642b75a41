package io.trunkguard.review;

import java.util.Objects;

/**
 * A file offered as proof of a manual removal, as uploaded (checked by
 * {@link RemediationProof#check}).
 */
public record ProofUpload(String fileName, String contentType, byte[] content) {

	public ProofUpload {
		Objects.requireNonNull(content, "content");
	}
}
