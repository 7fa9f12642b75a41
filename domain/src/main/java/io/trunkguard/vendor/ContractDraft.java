package io.trunkguard.vendor;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A contract as entered. {@code endsOn} null: open-ended. */
public record ContractDraft(@NotBlank @Size(max = 200) String title, @NotNull LocalDate startsOn, LocalDate endsOn,
		@Min(0) @Max(3650) int noticeDays, boolean autoRenews, @NotNull SignallingClause signalling,
		@NotNull MediaClause media) {

	@AssertTrue(message = "the contract must not end before it starts")
	boolean isTermOrdered() {
		return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
	}
}
