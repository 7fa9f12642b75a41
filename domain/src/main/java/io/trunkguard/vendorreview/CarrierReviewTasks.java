package io.trunkguard.vendorreview;

import java.util.Optional;
import java.util.UUID;

/**
 * The user tasks of a review's process, implemented by the workflows module: the domain
 * completes them once it has recorded what the person did, in the same transaction.
 */
public interface CarrierReviewTasks {

	/** The kinds of user task a review waits in. */
	enum Kind {

		QUESTIONNAIRE_EXPIRED, SOC_REPORT_REVIEW, DECISION

	}

	/** The user task the review's process waits in, if any. */
	Optional<Kind> openTask(UUID reviewId);

	void completeQuestionnaireExpired(UUID reviewId, boolean resend);

	void completeSocReportReview(UUID reviewId);

	void completeDecision(UUID reviewId, Decision decision);

}
