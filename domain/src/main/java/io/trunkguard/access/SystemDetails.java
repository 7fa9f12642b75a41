package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a caller may set on a system (register or update). */
public record SystemDetails(@NotBlank @Size(max = 120) String name, @NotNull SystemKind kind,
		@Size(max = 1000) String description, @NotNull PersonId ownerId, boolean inReviewScope,
		@NotNull ConnectorType connector, @NotNull ReviewerStrategy reviewerStrategy) {
}
