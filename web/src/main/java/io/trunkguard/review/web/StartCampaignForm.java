package io.trunkguard.review.web;

import java.time.LocalDate;

import io.trunkguard.review.UnansweredRule;

/**
 * The compliance lead's "start a campaign" form; the deadline is the end of the given day
 * (UTC).
 */
public class StartCampaignForm {

	private String name;

	private LocalDate deadline;

	private UnansweredRule unansweredRule = UnansweredRule.CARRY_OVER;

	/** Why this campaign must run beside another of the quarter over the same grants. */
	private String overlapReason;

	public String getOverlapReason() {
		return overlapReason;
	}

	public void setOverlapReason(String overlapReason) {
		this.overlapReason = overlapReason;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public LocalDate getDeadline() {
		return deadline;
	}

	public void setDeadline(LocalDate deadline) {
		this.deadline = deadline;
	}

	public UnansweredRule getUnansweredRule() {
		return unansweredRule;
	}

	public void setUnansweredRule(UnansweredRule unansweredRule) {
		this.unansweredRule = unansweredRule;
	}

}
