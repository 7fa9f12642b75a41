package io.trunkguard.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of access reviews ({@code trunkguard.review.*}).
 *
 * @param dormantAfter a grant not used for this long is flagged dormant
 * @param complianceLeads usernames of the compliance leads who review what neither owner
 * nor manager can (first eligible wins) and receive escalations without a manager
 * @param campaignLength time from start to deadline of a scheduled campaign
 * @param unansweredRule the rule of a scheduled campaign
 * @param remindBefore reminders this long before the deadline
 * @param closeOutAfter reviewing ends this long after the deadline (escalations happen in
 * between)
 */
@ConfigurationProperties("trunkguard.review")
record ReviewProperties(@DefaultValue("90d") Duration dormantAfter,
		@DefaultValue("compliance-lead") List<String> complianceLeads, @DefaultValue("21d") Duration campaignLength,
		@DefaultValue("CARRY_OVER") UnansweredRule unansweredRule, @DefaultValue( {
				"7d", "2d" }) List<Duration> remindBefore,
		@DefaultValue("7d") Duration closeOutAfter){

	static ReviewProperties defaults() {
		return new ReviewProperties(Duration.ofDays(90), List.of("compliance-lead"), Duration.ofDays(21),
				UnansweredRule.CARRY_OVER, List.of(Duration.ofDays(7), Duration.ofDays(2)), Duration.ofDays(7));
	}
}
