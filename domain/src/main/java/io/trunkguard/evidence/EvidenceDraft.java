package io.trunkguard.evidence;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * What a stored file evidences.
 *
 * @param controls SOC 2 criteria, e.g. {@code CC9.2}
 * @param evidencedFrom the first day the file evidences
 * @param evidencedTo the last day (equal to {@code evidencedFrom} for a point in time)
 * @param subjectType what it is about, e.g. {@code VendorReview}
 * @param expiresOn the last day it counts as evidence (e.g. a certificate's or DPA's
 * end), or null
 * @param owner who answers for it; null: the person who records it
 */
public record EvidenceDraft(@NotBlank @Size(max = 300) String title,
		@NotEmpty List<@Pattern(regexp = "CC[0-9]+\\.[0-9]+",
				message = "a SOC 2 criterion such as CC9.2") String> controls,
		@NotNull LocalDate evidencedFrom, @NotNull LocalDate evidencedTo, @NotBlank @Size(max = 100) String subjectType,
		@NotBlank @Size(max = 200) String subjectId, LocalDate expiresOn, @Size(max = 200) String owner) {

	/** Evidence without expiry, owned by the person who records it. */
	public EvidenceDraft(String title, List<String> controls, LocalDate evidencedFrom, LocalDate evidencedTo,
			String subjectType, String subjectId) {
		this(title, controls, evidencedFrom, evidencedTo, subjectType, subjectId, null, null);
	}

	public EvidenceDraft {
		controls = controls == null ? null : List.copyOf(controls);
	}

	@AssertTrue(message = "the period must not end before it starts")
	boolean isPeriodOrdered() {
		return evidencedFrom == null || evidencedTo == null || !evidencedTo.isBefore(evidencedFrom);
	}
}
