package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A grant to record: who holds which role on which system.
 *
 * @param grantedAt when the access was given (defaults to now); may lie in the past for
 * imported grants
 * @param lastUsedAt last observed use, if known
 */
public record NewGrant(@NotNull PersonId personId, @NotNull SystemId systemId,
		@NotBlank @Size(max = 120) String entitlement, boolean privileged, @PastOrPresent Instant grantedAt,
		@PastOrPresent Instant lastUsedAt) {

	public NewGrant(PersonId personId, SystemId systemId, String entitlement, boolean privileged) {
		this(personId, systemId, entitlement, privileged, null, null);
	}
}
