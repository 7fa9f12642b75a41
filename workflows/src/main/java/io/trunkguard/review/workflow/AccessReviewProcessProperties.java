package io.trunkguard.review.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access review process ({@code trunkguard.review.process.*}).
 *
 * @param schedule when the quarterly campaign starts: a Camunda cron, default 06:00 UTC
 * on the first day of each quarter
 */
@ConfigurationProperties("trunkguard.review.process")
record AccessReviewProcessProperties(@DefaultValue(AccessReviewProcessProperties.QUARTERLY) String schedule) {

	static final String QUARTERLY = "0 0 6 1 1,4,7,10 ?";

}
