package io.trunkguard.questionnaire;

import io.trunkguard.vendor.VendorId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Questionnaires to carriers' contacts. The lead sends, re-sends (a new link replaces the
 * old) and revokes; the contact, holding only the link's token, opens, saves, attaches
 * files and submits once. A token that is unknown, malformed, expired or revoked opens
 * nothing, and the caller cannot tell which. Errors:
 * {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidStateException},
 * {@link io.trunkguard.shared.InvalidInputException}.
 */
public interface QuestionnaireService {

	/** The default voice-carrier template, created on first use. */
	QuestionnaireTemplate defaultTemplate();

	/** Every template, retired ones included, by name. */
	List<QuestionnaireTemplate> templates();

	/** The templates a lead may choose when sending: not retired, by name. */
	List<QuestionnaireTemplate> templatesToSend();

	/**
	 * Renames a template (its questions stay as they are); audited. The built-in
	 * voice-carrier template keeps its name.
	 */
	QuestionnaireTemplate renameTemplate(@NotNull UUID id, @NotBlank @Size(max = 200) String name,
			@NotBlank String actor);

	/**
	 * Deletes a template no questionnaire was sent from, or retires one that was (kept
	 * for those questionnaires, no longer offered for sending); audited. The built-in
	 * voice-carrier template stays.
	 */
	TemplateRemoval removeTemplate(@NotNull UUID id, @NotBlank String actor);

	QuestionnaireTemplate template(@NotNull UUID id);

	/**
	 * Sends a questionnaire to a contact; the link goes to the outbox (the only place the
	 * token is written).
	 * @param templateId null for the default template
	 * @param reviewId the annual review it belongs to, or null
	 */
	Questionnaire send(@NotNull VendorId vendorId, UUID templateId, UUID reviewId,
			@NotBlank @Size(max = 200) String contactName, @NotBlank @Email @Size(max = 320) String contactEmail,
			@NotBlank String actor);

	/** A new link for the same questionnaire; the old link opens nothing any more. */
	Questionnaire resend(@NotNull UUID questionnaireId, @NotBlank String actor);

	Questionnaire revoke(@NotNull UUID questionnaireId, @NotBlank String actor);

	Questionnaire get(@NotNull UUID questionnaireId);

	List<Questionnaire> ofVendor(@NotNull VendorId vendorId);

	List<Questionnaire> ofReview(@NotNull UUID reviewId);

	/** The questions answered otherwise than expected. */
	List<TemplateQuestion> deviations(@NotNull Questionnaire questionnaire);

	/** Every questionnaire for the tracker, the newest first; {@code state} null: all. */
	List<TrackerRow> tracker(QuestionnaireState state, String vendorText);

	/**
	 * What the link opens (audited as opened), or empty for any token that opens nothing.
	 */
	Optional<ContactView> open(String token, String sourceAddress);

	/** Saves answers by question code (unknown codes ignored); audited. */
	void save(String token, @NotNull Map<String, String> answers, String sourceAddress);

	/** Attaches a file to a file question; audited. */
	void attach(String token, @NotBlank String questionCode, @NotNull InputStream content, String fileName,
			String sourceAddress);

	/** Saves the answers and submits, once; audited. */
	void submit(String token, @NotNull Map<String, String> answers, String sourceAddress);

	/**
	 * Writes reminders for open questionnaires whose link expires in 7 or 2 days (once
	 * each); returns how many.
	 */
	int remindBeforeExpiry();

}
