package io.trunkguard.review.web;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.trunkguard.review.ReviewerEligibility;
import io.trunkguard.security.LocalAccountDirectory;
import io.trunkguard.security.LocalAccountDirectory.LocalAccountSummary;
import io.trunkguard.security.Role;

/**
 * Who may decide review items in the embedded default: a person with an enabled local
 * account whose role decides (reviewer, compliance lead, admin); never an auditor, who
 * only reads, and never someone without a login. Lives beside the review pages (review
 * depends on security, never the other way round).
 */
@Component
@ConditionalOnProperty(prefix = "trunkguard.security", name = "login", havingValue = "local", matchIfMissing = true)
class LocalReviewerEligibility implements ReviewerEligibility {

	private final LocalAccountDirectory accounts;

	LocalReviewerEligibility(LocalAccountDirectory accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<String> refusal(String username) {
		Optional<LocalAccountSummary> account = accounts.list()
			.stream()
			.filter(a -> a.username().equals(username))
			.findFirst();
		if (account.isEmpty()) {
			return Optional.of(username + " has no login in this installation, so could never open the items.");
		}
		if (account.get().disabled()) {
			return Optional.of(username + "'s login is disabled, so they could never open the items.");
		}
		if (Role.fromName(account.get().role()).orElse(null) == Role.AUDITOR) {
			return Optional.of(username + " is an auditor: auditors read campaigns but never decide review items.");
		}
		return Optional.empty();
	}

}
