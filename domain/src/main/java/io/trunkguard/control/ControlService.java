package io.trunkguard.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The controls in scope, their narratives (a new version per edit, audited as
 * {@code CONTROL_NARRATIVE_EDITED}), and their status per period with the gaps named.
 * Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidInputException},
 * {@link io.trunkguard.shared.StaleVersionException}.
 */
public interface ControlService {

	/** The controls in scope, in their order (CC6.1, CC6.7, CC7.2, CC9.2). */
	List<Control> all();

	Control get(@NotBlank String code);

	Optional<ControlNarrative> narrative(@NotBlank String code);

	/** Every version, the newest first. */
	List<ControlNarrative> narrativeHistory(@NotBlank String code);

	/**
	 * Writes a new version of the narrative; {@code basedOnVersion} is the version the
	 * writer saw (0: none), so a concurrent edit is refused rather than lost.
	 */
	ControlNarrative editNarrative(@NotBlank String code, String text, int basedOnVersion, @NotBlank String actor);

	/** The status of a control over {@code from}..{@code to} (inclusive). */
	ControlStatus status(@NotBlank String code, @NotNull LocalDate from, @NotNull LocalDate to);

	/** The status of every control in scope. */
	List<ControlStatus> statuses(@NotNull LocalDate from, @NotNull LocalDate to);

}
