package io.trunkguard.security;

import java.util.Optional;

import io.trunkguard.review.ReviewerEligibility;

/**
 * Who may decide review items in the embedded default: a person with an enabled local
 * account whose role decides (reviewer, compliance lead, admin); never an auditor, who
 * only reads, and never someone without a login.
 */
class LocalReviewerEligibility implements ReviewerEligibility {

	private final LocalAccounts accounts;

	LocalReviewerEligibility(LocalAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<String> refusal(String username) {
		var account = accounts.find(username);
		if (account.isEmpty()) {
			return Optional.of(username + " has no login in this installation, so could never open the items.");
		}
		if (account.get().disabled()) {
			return Optional.of(username + "'s login is disabled, so they could never open the items.");
		}
		if (account.get().role() == Role.AUDITOR) {
			return Optional.of(username + " is an auditor: auditors read campaigns but never decide review items.");
		}
		return Optional.empty();
	}

}
