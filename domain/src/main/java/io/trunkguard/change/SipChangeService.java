package io.trunkguard.change;

import io.trunkguard.trace.CaptureId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Use cases on SIP change records. Errors:
 * {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidInputException} (bad input, a file that is not
 * text), {@link io.trunkguard.shared.InvalidStateException} (approval by the requester or
 * recorder, approving twice).
 */
public interface SipChangeService {

	SipChange record(@Valid @NotNull NewSipChange change, @NotBlank String actor);

	/**
	 * Approves the change as {@code actor}, who must be neither its requester nor its
	 * recorder (a refusal is audited), and stores its change record as evidence of CC8.1
	 * (and CC6.7 when it touches encryption) dated the day it was applied.
	 */
	SipChange approve(@NotNull SipChangeId id, @NotBlank String actor);

	/**
	 * Redacts the secrets of a text excerpt, then stores it with the change; returns it
	 * with what was removed.
	 */
	SipChangeExcerpt addExcerpt(@NotNull SipChangeId id, @NotNull InputStream content, String fileName,
			@NotBlank String actor);

	/** Links the capture that shows the change's result. */
	SipChange linkCapture(@NotNull SipChangeId id, @NotNull CaptureId capture, @NotBlank String actor);

	SipChange get(@NotNull SipChangeId id);

	/** The changes applied in the period, newest first. */
	List<SipChange> appliedBetween(@NotNull LocalDate from, @NotNull LocalDate to);

	List<SipChangeExcerpt> excerpts(@NotNull SipChangeId id);

	SipChangeExcerpt excerpt(@NotNull SipChangeId id, @NotNull java.util.UUID excerptId);

}
