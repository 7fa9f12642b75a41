package io.trunkguard.vendorreview;

import io.trunkguard.vendor.VendorId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Annual carrier reviews. People start reviews, answer an expired questionnaire, record
 * the SOC report review and decide; the process calls the other steps (sending the
 * questionnaire, document checks, the record, the schedule). Every step is audited.
 * Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidStateException} (wrong step, a review already
 * running, four eyes), {@link jakarta.validation.ConstraintViolationException}.
 */
public interface CarrierReviewService {

	/** Starts a review of the carrier (its process starts once this commits). */
	CarrierReview start(@NotNull VendorId vendorId, @NotBlank String actor);

	CarrierReview get(@NotNull UUID reviewId);

	List<CarrierReview> ofVendor(@NotNull VendorId vendorId);

	Optional<CarrierReview> inProgress(@NotNull VendorId vendorId);

	List<ReviewCondition> conditionsOf(@NotNull UUID reviewId);

	List<ReviewCondition> conditionsOfVendor(@NotNull VendorId vendorId);

	/** When the carrier's next review is due, and its board state on {@code today}. */
	LocalDate dueOn(@NotNull VendorId vendorId);

	/**
	 * Sends the questionnaire to the carrier's first contact; returns when its link
	 * expires, or empty when the carrier has no contact (the review goes on without).
	 */
	Optional<Instant> sendQuestionnaire(@NotNull UUID reviewId);

	void noteQuestionnaireExpired(@NotNull UUID reviewId);

	/** The lead's answer to an expired questionnaire: re-send it, or continue without. */
	void resolveExpiredQuestionnaire(@NotNull UUID reviewId, boolean resend, @NotBlank String actor);

	/** Re-sends the review's questionnaire; returns when the new link expires. */
	Instant resendQuestionnaire(@NotNull UUID reviewId);

	/** Attaches a recorded SOC report review (with its coverage check) to the review. */
	CarrierReview reviewSocReport(@NotNull UUID reviewId, @NotNull UUID socReportId, @NotBlank String actor);

	/**
	 * DPA/BAA valid for the next year, contract in force, clause stated, encryption
	 * status.
	 */
	CarrierReview checkDocuments(@NotNull UUID reviewId);

	CarrierReview decide(@NotNull UUID reviewId, @NotNull Decision decision,
			@NotBlank @Size(max = 4000) String rationale, @NotNull List<@Valid ConditionDraft> conditions,
			@NotBlank String actor);

	void notifyRejection(@NotNull UUID reviewId);

	/** Writes the review record PDF and stores it as CC9.2 evidence. */
	CarrierReview writeRecord(@NotNull UUID reviewId);

	/** Schedules the next review by the carrier's risk tier and completes this one. */
	CarrierReview complete(@NotNull UUID reviewId);

	ReviewCondition closeCondition(@NotNull UUID conditionId, @NotBlank @Size(max = 2000) String note,
			@NotBlank String actor);

	/**
	 * Starts a review for every carrier whose review is due soon or overdue and has none
	 * running; returns how many.
	 */
	int startDueReviews();

	/**
	 * Records a review done before Trunkguard held the register (e.g. from a
	 * spreadsheet): decided on {@code decidedOn}, with its conditions, without a process
	 * or a record PDF.
	 */
	CarrierReview recordPastReview(@NotNull VendorId vendorId, @NotNull LocalDate decidedOn, @NotNull Decision decision,
			@NotBlank String rationale, @NotNull List<@Valid ConditionDraft> conditions, @NotBlank String decidedBy,
			@NotBlank String actor);

	/** Every carrier on the board, overdue first. */
	List<BoardRow> board();

}
