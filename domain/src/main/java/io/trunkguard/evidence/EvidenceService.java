package io.trunkguard.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Records stored files as evidence of SOC 2 criteria (audited as
 * {@code EVIDENCE_RECORDED}). Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface EvidenceService {

	EvidenceItem record(@NotNull StoredFileId fileId, @Valid @NotNull EvidenceDraft draft, @NotBlank String actor);

	/** The evidence about one subject, the oldest first. */
	List<EvidenceItem> about(String subjectType, String subjectId);

}
