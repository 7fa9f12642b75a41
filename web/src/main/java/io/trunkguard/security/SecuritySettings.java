package io.trunkguard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the security module ({@code trunkguard.security.*}).
 *
 * @param login how people log in: {@code local} accounts (embedded default) or
 * {@code oidc} (Keycloak)
 * @param localAccounts passwords of the four local accounts; taken from the environment
 * ({@code TRUNKGUARD_PASSWORD_<ROLE>}), blank means "generate one on first start"
 */
@ConfigurationProperties("trunkguard.security")
record SecuritySettings(@DefaultValue("local") Login login, @DefaultValue LocalAccountSettings localAccounts,
		@DefaultValue Abuse abuse) {

	/**
	 * Against password guessing and audit flooding.
	 *
	 * @param refusalWindow repeated refusals without valid credentials from one address
	 * within this window are counted in one audit entry
	 * @param maxTrackedSources how many addresses are counted apart at once
	 * @param backoffAfter failed logins of one account (or address) after which each
	 * further attempt must wait, doubling from {@code backoffDelay} up to
	 * {@code maxBackoffDelay}
	 * @param lockoutAfter failed logins of one account after which it is locked for
	 * {@code lockoutDuration}
	 * @param addressLockoutAfter failed logins from one address after which it is locked
	 * for {@code lockoutDuration}
	 */
	record Abuse(@DefaultValue("PT1M") Duration refusalWindow, @DefaultValue("10000") int maxTrackedSources,
			@DefaultValue("3") int backoffAfter, @DefaultValue("PT1S") Duration backoffDelay,
			@DefaultValue("PT30S") Duration maxBackoffDelay, @DefaultValue("10") int lockoutAfter,
			@DefaultValue("30") int addressLockoutAfter, @DefaultValue("PT15M") Duration lockoutDuration,
			@DefaultValue("12") int minPasswordLength) {
	}

	enum Login {

		LOCAL, OIDC

	}

	record LocalAccountSettings(@DefaultValue Passwords passwords) {
	}

	/**
	 * @param demoPeople the password of the demo people's own logins (reviewers the demo
	 * routes items to, e.g. {@code margaret.okafor}); unset: one is generated for each
	 * and printed once
	 */
	record Passwords(String reviewer, String complianceLead, String auditor, String admin, String demoPeople) {

		String of(Role role) {
			return switch (role) {
				case REVIEWER -> reviewer;
				case COMPLIANCE_LEAD -> complianceLead;
				case AUDITOR -> auditor;
				case ADMIN -> admin;
			};
		}
	}
}
