package io.trunkguard.review.integration;

import io.trunkguard.access.integration.keycloak.KeycloakLoginAccounts;
import io.trunkguard.review.ReviewerEligibility;
import io.trunkguard.shared.LoginAccounts.LoginAccount;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Who may decide review items when people log in through Keycloak
 * ({@code trunkguard.security.login=oidc}) and the admin API is configured
 * ({@code trunkguard.keycloak.url}): a user of the realm, enabled, holding a realm role
 * that decides (reviewer, compliance lead, admin) and not the auditor's role, which only
 * reads. The accounts are read through {@link KeycloakLoginAccounts}, the one place that
 * asks Keycloak about a login (and keeps the answer a short while).
 */
@Component
@ConditionalOnExpression("'${trunkguard.security.login:local}' == 'oidc' and '${trunkguard.keycloak.url:}' != ''")
class KeycloakReviewerEligibility implements ReviewerEligibility {

	/**
	 * The realm roles that decide review items (the names of the application's roles, see
	 * the realm export).
	 */
	static final Set<String> DECIDING_ROLES = Set.of("reviewer", "compliance-lead", "admin");

	/** The realm role that only reads, everywhere. */
	static final String READ_ONLY_ROLE = "auditor";

	private final KeycloakLoginAccounts accounts;

	KeycloakReviewerEligibility(KeycloakLoginAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<String> refusal(String username) {
		Optional<LoginAccount> account = accounts.account(username);
		if (account.isEmpty()) {
			return Optional
				.of(username + " has no account in " + accounts.source() + ", so could never open the items.");
		}
		if (account.get().disabled()) {
			return Optional.of(username + "'s Keycloak account is disabled, so they could never open the items.");
		}
		Set<String> roles = account.get().roles();
		if (roles.contains(READ_ONLY_ROLE)) {
			return Optional.of(username + " is an auditor: auditors read campaigns but never decide review items.");
		}
		if (roles.stream().noneMatch(DECIDING_ROLES::contains)) {
			return Optional.of(username + " holds no role that decides review items in Keycloak "
					+ "(reviewer, compliance lead or admin), so could never open the items.");
		}
		return Optional.empty();
	}

}
