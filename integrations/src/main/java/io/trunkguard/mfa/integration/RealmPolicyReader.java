package io.trunkguard.mfa.integration;

import io.trunkguard.mfa.MfaDirectory.RealmPolicy;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides from a browser login flow's executions (as the admin API lists them: flattened,
 * with their levels) and the realm's required actions whether, and for whom, the login
 * asks for a second factor. A second-factor step counts when it and every enclosing
 * subflow are required or alternative; under a conditional subflow it counts for the
 * holders of the role a "user role" condition names, and not at all under a "user
 * configured" condition (which asks only those who set a factor up already).
 */
final class RealmPolicyReader {

	/** Authenticators that check a second factor. */
	static final Map<String, String> SECOND_FACTORS = Map.of("auth-otp-form", "a one-time password (OTP)",
			"auth-conditional-otp-form", "a one-time password (OTP)", "webauthn-authenticator",
			"a security key (WebAuthn)", "webauthn-authenticator-passwordless", "a passkey (WebAuthn passwordless)",
			"auth-recovery-authn-code-form", "a recovery code");

	/** Required actions that make a user set up a second factor. */
	static final Set<String> SETUP_ACTIONS = Set.of("CONFIGURE_TOTP", "webauthn-register",
			"webauthn-register-passwordless");

	private RealmPolicyReader() {
	}

	/** Whether a provider checks a second factor (subflows have no provider). */
	static boolean isSecondFactor(String providerId) {
		return providerId != null && SECOND_FACTORS.containsKey(providerId);
	}

	static RealmPolicy read(String flowAlias, List<AuthenticationExecutionInfoRepresentation> executions,
			Function<String, Map<String, String>> config, List<RequiredActionProviderRepresentation> actions) {
		List<String> sentences = new ArrayList<>();
		boolean everyone = false;
		Set<String> roles = new LinkedHashSet<>();
		List<AuthenticationExecutionInfoRepresentation> parents = new ArrayList<>();
		List<AuthenticationExecutionInfoRepresentation[]> found = new ArrayList<>();
		boolean onlyConfigured = false;
		for (int i = 0; i < executions.size(); i++) {
			AuthenticationExecutionInfoRepresentation e = executions.get(i);
			while (parents.size() > e.getLevel()) {
				parents.remove(parents.size() - 1);
			}
			if (isSecondFactor(e.getProviderId()) && asks(e, executions, i)) {
				String factor = SECOND_FACTORS.get(e.getProviderId());
				Verdict verdict = verdict(parents, executions, config);
				if (verdict.disabled) {
					continue;
				}
				if (verdict.conditional) {
					if (!verdict.roles.isEmpty()) {
						roles.addAll(verdict.roles);
						sentences.add("The browser login flow “" + flowAlias + "” asks holders of the realm role"
								+ (verdict.roles.size() > 1 ? "s " : " ") + quoted(verdict.roles) + " for " + factor
								+ ".");
					}
					else if (verdict.configuredOnly) {
						onlyConfigured = true;
						sentences.add("The browser login flow “" + flowAlias + "” asks for " + factor
								+ " only from users who have set one up, so it does not require a second factor.");
					}
					else {
						sentences.add("The browser login flow “" + flowAlias + "” asks for " + factor
								+ " under a condition Trunkguard cannot judge (" + verdict.conditionNames
								+ "), so it is not counted as required.");
					}
				}
				else if ("auth-conditional-otp-form".equals(e.getProviderId())) {
					Map<String, String> c = e.getAuthenticationConfig() == null ? Map.of()
							: config.apply(e.getAuthenticationConfig());
					String forced = c.get("forceOtpRole");
					if (forced != null && !forced.isBlank()) {
						roles.add(forced);
						sentences.add("The browser login flow “" + flowAlias + "” asks holders of the realm role “"
								+ forced + "” for " + factor + ".");
					}
					if ("force".equals(c.get("defaultOtpOutcome"))) {
						everyone = true;
						sentences.add("The browser login flow “" + flowAlias + "” asks everyone for " + factor + ".");
					}
				}
				else {
					everyone = true;
					sentences.add("The browser login flow “" + flowAlias + "” asks everyone for " + factor + ".");
				}
			}
			if (Boolean.TRUE.equals(e.getAuthenticationFlow())) {
				parents.add(e);
			}
		}
		if (sentences.isEmpty()) {
			sentences.add("The browser login flow “" + flowAlias + "” never asks for a second factor.");
		}
		boolean setupOnFirstLogin = false;
		for (RequiredActionProviderRepresentation action : actions) {
			if (!SETUP_ACTIONS.contains(action.getAlias())) {
				continue;
			}
			if (action.isEnabled() && action.isDefaultAction()) {
				setupOnFirstLogin = true;
				sentences.add("The required action “" + action.getName()
						+ "” is a default action: every new user must set up a second factor at their first login "
						+ "(existing users only when it is set on them).");
			}
			else if (action.isEnabled()) {
				sentences.add("The required action “" + action.getName()
						+ "” is enabled but not a default action: only the users it is set on must set up a "
						+ "second factor.");
			}
		}
		if (!everyone && roles.isEmpty()) {
			sentences.add("So the realm does not require anyone to have a second factor"
					+ (onlyConfigured ? ": those who set one up are asked for it" : "") + ".");
		}
		return new RealmPolicy(everyone, roles, setupOnFirstLogin, sentences);
	}

	/**
	 * Whether the step asks at all: required, or alternative beside only other
	 * second-factor steps.
	 */
	private static boolean asks(AuthenticationExecutionInfoRepresentation e,
			List<AuthenticationExecutionInfoRepresentation> all, int index) {
		if ("REQUIRED".equals(e.getRequirement())) {
			return true;
		}
		if (!"ALTERNATIVE".equals(e.getRequirement())) {
			return false;
		}
		for (AuthenticationExecutionInfoRepresentation sibling : siblings(all, index)) {
			if ("ALTERNATIVE".equals(sibling.getRequirement()) && !isSecondFactor(sibling.getProviderId())) {
				return false;
			}
		}
		return true;
	}

	/** The executions at the same level under the same parent. */
	private static List<AuthenticationExecutionInfoRepresentation> siblings(
			List<AuthenticationExecutionInfoRepresentation> all, int index) {
		int level = all.get(index).getLevel();
		int start = index;
		while (start > 0 && all.get(start - 1).getLevel() >= level) {
			start--;
		}
		List<AuthenticationExecutionInfoRepresentation> siblings = new ArrayList<>();
		for (int i = start; i < all.size() && all.get(i).getLevel() >= level; i++) {
			if (all.get(i).getLevel() == level) {
				siblings.add(all.get(i));
			}
		}
		return siblings;
	}

	private static final class Verdict {

		boolean disabled;

		boolean conditional;

		boolean configuredOnly;

		final Set<String> roles = new LinkedHashSet<>();

		final List<String> conditionNames = new ArrayList<>();

	}

	private static Verdict verdict(List<AuthenticationExecutionInfoRepresentation> parents,
			List<AuthenticationExecutionInfoRepresentation> all, Function<String, Map<String, String>> config) {
		Verdict verdict = new Verdict();
		for (AuthenticationExecutionInfoRepresentation parent : parents) {
			String requirement = parent.getRequirement();
			if ("DISABLED".equals(requirement)) {
				verdict.disabled = true;
			}
			if ("CONDITIONAL".equals(requirement)) {
				verdict.conditional = true;
				int index = all.indexOf(parent);
				for (AuthenticationExecutionInfoRepresentation child : all.subList(index + 1, all.size())) {
					if (child.getLevel() <= parent.getLevel()) {
						break;
					}
					if (child.getLevel() != parent.getLevel() + 1 || child.getProviderId() == null
							|| !child.getProviderId().startsWith("conditional-")
							|| "DISABLED".equals(child.getRequirement())) {
						continue;
					}
					Map<String, String> c = child.getAuthenticationConfig() == null ? Map.of()
							: config.apply(child.getAuthenticationConfig());
					switch (child.getProviderId()) {
						case "conditional-user-role" -> {
							String role = c.get("condUserRole");
							if (role != null && !role.isBlank() && !"true".equals(c.get("negate"))) {
								verdict.roles.add(role);
							}
							else {
								verdict.conditionNames.add(child.getDisplayName());
							}
						}
						case "conditional-user-configured" -> verdict.configuredOnly = true;
						default -> verdict.conditionNames.add(child.getDisplayName());
					}
				}
			}
		}
		return verdict;
	}

	private static String quoted(Set<String> names) {
		return String.join(", ", names.stream().map(n -> "“" + n + "”").toList());
	}

}
