package io.trunkguard.vendor;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A signed document as entered; {@code validUntil} null: no end date. */
public record DocumentDraft(@NotNull DocumentKind kind, @NotBlank @Size(max = 200) String title,
		@NotNull LocalDate validFrom, LocalDate validUntil) {

	@AssertTrue(message = "the document must not expire before it is valid")
	boolean isValidityOrdered() {
		return validFrom == null || validUntil == null || !validUntil.isBefore(validFrom);
	}
}
