package io.trunkguard.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.List;

/**
 * Read-only views of campaigns and their items: inboxes, progress, an item with its
 * history and comments. Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface CampaignQueryService {

	ReviewCampaign get(@NotNull CampaignId id);

	/** Every campaign, newest first. */
	List<ReviewCampaign> campaigns();

	/** Campaigns in which the user has items to review, newest first. */
	List<ReviewCampaign> campaignsOf(@NotBlank String reviewer);

	/** Usernames of the campaign's reviewers: one inbox task each. */
	List<String> reviewers(@NotNull CampaignId id);

	CampaignProgress progress(@NotNull CampaignId id);

	CampaignProgress progressOf(@NotNull CampaignId id, @NotBlank String reviewer);

	/** Progress per reviewer (key: username). */
	List<ProgressRow> progressByReviewer(@NotNull CampaignId id);

	/** Progress per system (key: system name). */
	List<ProgressRow> progressBySystem(@NotNull CampaignId id);

	/** Per reviewer, the systems on which they still have unsubmitted items. */
	List<ReviewerSystem> openSystemsByReviewer(@NotNull CampaignId id);

	/** A reviewer's items (their inbox). */
	Page<ReviewItem> itemsOf(@NotNull CampaignId id, @NotBlank String reviewer, Pageable pageable);

	/** A reviewer's items narrowed by a filter (their inbox). */
	Page<ReviewItem> inbox(@NotNull CampaignId id, @NotBlank String reviewer, @NotNull InboxFilter filter,
			Pageable pageable);

	ReviewItem item(@NotNull ReviewItemId id);

	/** The grant behind an item and what earlier campaigns decided about it. */
	GrantHistory history(@NotNull ReviewItemId itemId);

	/** The comments on an item, oldest first. */
	List<ReviewComment> comments(@NotNull ReviewItemId itemId);

}
