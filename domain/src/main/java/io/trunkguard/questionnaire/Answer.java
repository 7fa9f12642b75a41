package io.trunkguard.questionnaire;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import io.trunkguard.evidence.StoredFileId;

/**
 * The contact's answer to one question; a file question's answer names the stored file.
 */
@Embeddable
public record Answer(@Column(name = "question_code", nullable = false, length = 40) String code,
		@Column(name = "answer_value", length = 4000) String value,
		@Embedded @AttributeOverride(name = "value", column = @Column(name = "file_id")) StoredFileId fileId) {
}
