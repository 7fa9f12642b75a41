package io.trunkguard.vendorreview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A condition of an approval: what must happen, who follows it up, by when. */
public record ConditionDraft(@NotBlank @Size(max = 1000) String text, @NotBlank @Size(max = 200) String owner,
		@NotNull LocalDate dueOn) {
}
