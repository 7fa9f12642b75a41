package io.trunkguard.security;

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
record SecuritySettings(@DefaultValue("local") Login login, @DefaultValue LocalAccountSettings localAccounts) {

	enum Login {

		LOCAL, OIDC

	}

	record LocalAccountSettings(@DefaultValue Passwords passwords) {
	}

	record Passwords(String reviewer, String complianceLead, String auditor, String admin) {

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
