package io.trunkguard.mfa.integration;

import io.trunkguard.mfa.MfaDirectory.RealmPolicy;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login policy read from browser flows shaped as Keycloak lists them (flattened, with
 * levels): the default conditional OTP asks only who set one up; OTP required in the
 * forms asks everyone; a "user role" condition asks the role's holders; a disabled
 * subflow asks nobody.
 */
class RealmPolicyReaderTest {

	@Test
	void readsTheDefaultBrowserFlowAsNotRequiringASecondFactor() {
		RealmPolicy policy = RealmPolicyReader.read("browser",
				browser("CONDITIONAL", "conditional-user-configured", "REQUIRED"), id -> Map.of(),
				List.of(action("CONFIGURE_TOTP", "Configure OTP", true, false)));

		assertThat(policy.requiredForEveryone()).isFalse();
		assertThat(policy.requiredForRoles()).isEmpty();
		assertThat(policy.setupOnFirstLogin()).isFalse();
		assertThat(policy.requires(Set.of("admin"))).isFalse();
		assertThat(policy.sentences()).containsExactly(
				"The browser login flow “browser” asks for a one-time password (OTP) only from users who have set one up, so it does not require a second factor.",
				"The required action “Configure OTP” is enabled but not a default action: only the users it is set on must set up a second factor.",
				"So the realm does not require anyone to have a second factor: those who set one up are asked for it.");
	}

	@Test
	void readsAUserRoleConditionAsRequiringTheRolesHolders() {
		RealmPolicy policy = RealmPolicyReader.read("browser-mfa",
				browser("CONDITIONAL", "conditional-user-role", "REQUIRED"), id -> Map.of("condUserRole", "admin"),
				List.of(action("CONFIGURE_TOTP", "Configure OTP", true, true)));

		assertThat(policy.requiredForRoles()).containsExactly("admin");
		assertThat(policy.requires(Set.of("admin", "reviewer"))).isTrue();
		assertThat(policy.requires(Set.of("reviewer"))).isFalse();
		assertThat(policy.setupOnFirstLogin()).isTrue();
		assertThat(policy.sentences()).contains(
				"The browser login flow “browser-mfa” asks holders of the realm role “admin” for a one-time password (OTP).");
	}

	@Test
	void readsOtpRequiredInTheFormsAsRequiredOfEveryoneAndADisabledSubflowAsNothing() {
		RealmPolicy required = RealmPolicyReader.read("browser", browser("REQUIRED", null, "REQUIRED"), id -> Map.of(),
				List.of());
		RealmPolicy disabled = RealmPolicyReader.read("browser", browser("DISABLED", null, "REQUIRED"), id -> Map.of(),
				List.of());

		assertThat(required.requiredForEveryone()).isTrue();
		assertThat(required.sentences())
			.containsExactly("The browser login flow “browser” asks everyone for a one-time password (OTP).");
		assertThat(disabled.requiredForEveryone()).isFalse();
		assertThat(disabled.sentences()).first()
			.isEqualTo("The browser login flow “browser” never asks for a second factor.");
	}

	/**
	 * Keycloak's browser flow: cookie, identity provider redirector, forms (username and
	 * password, then a 2FA subflow with a condition and the OTP form).
	 */
	private static List<AuthenticationExecutionInfoRepresentation> browser(String subflowRequirement, String condition,
			String otpRequirement) {
		List<AuthenticationExecutionInfoRepresentation> list = new java.util.ArrayList<>(
				List.of(execution(0, "Cookie", "auth-cookie", "ALTERNATIVE", false),
						execution(0, "Identity Provider Redirector", "identity-provider-redirector", "ALTERNATIVE",
								false),
						execution(0, "forms", null, "ALTERNATIVE", true),
						execution(1, "Username Password Form", "auth-username-password-form", "REQUIRED", false),
						execution(1, "Browser - Conditional OTP", null, subflowRequirement, true)));
		if (condition != null) {
			AuthenticationExecutionInfoRepresentation c = execution(2, "Condition", condition, "REQUIRED", false);
			c.setAuthenticationConfig("config-1");
			list.add(c);
		}
		list.add(execution(2, "OTP Form", "auth-otp-form", otpRequirement, false));
		return list;
	}

	private static AuthenticationExecutionInfoRepresentation execution(int level, String name, String provider,
			String requirement, boolean flow) {
		AuthenticationExecutionInfoRepresentation e = new AuthenticationExecutionInfoRepresentation();
		e.setLevel(level);
		e.setDisplayName(name);
		e.setProviderId(provider);
		e.setRequirement(requirement);
		e.setAuthenticationFlow(flow);
		return e;
	}

	private static RequiredActionProviderRepresentation action(String alias, String name, boolean enabled,
			boolean defaultAction) {
		RequiredActionProviderRepresentation a = new RequiredActionProviderRepresentation();
		a.setAlias(alias);
		a.setName(name);
		a.setEnabled(enabled);
		a.setDefaultAction(defaultAction);
		return a;
	}

}
