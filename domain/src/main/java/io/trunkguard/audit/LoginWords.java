package io.trunkguard.audit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a login entry ({@link AuditActions#LOGIN_SUCCEEDED},
 * {@link AuditActions#LOGIN_FAILED}) names the way someone signed in ({@code method}) and
 * why a login failed ({@code reason}): in words an auditor or a SIEM reads, not Spring
 * Security's class names. The web layer records with it; whoever reads the trail reads
 * with it, so entries written before December 2026, which carry the class names
 * ({@code UsernamePasswordAuthenticationToken}, {@code BadCredentialsException}), read
 * the same as the entries written since.
 */
public final class LoginWords {

	/** A Java class's simple name; recorded words have a space or begin in lower case. */
	private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_$]*");

	private LoginWords() {
	}

	/**
	 * The way of signing in, named as the README names it, from the simple name of the
	 * Spring Security {@code Authentication} type that carried it.
	 */
	public static String method(String authenticationType) {
		if (authenticationType == null || authenticationType.isBlank()) {
			return "unknown";
		}
		return switch (authenticationType) {
			case "UsernamePasswordAuthenticationToken" -> "password form";
			case "PreAuthenticatedAuthenticationToken" -> "API token";
			case "OAuth2AuthenticationToken", "OAuth2LoginAuthenticationToken",
					"OAuth2AuthorizationCodeAuthenticationToken" ->
				"Keycloak login (OpenID Connect)";
			case "BearerTokenAuthenticationToken", "JwtAuthenticationToken", "BearerTokenAuthentication" ->
				"Keycloak bearer token";
			default -> inWords(authenticationType);
		};
	}

	/**
	 * Why a login failed, as a sentence fragment ("wrong user name or password"), from
	 * the simple name of the exception Spring Security failed it with.
	 */
	public static String reason(String exception) {
		if (exception == null || exception.isBlank()) {
			return "refused";
		}
		return switch (exception) {
			case "BadCredentialsException", "AuthenticationFailureBadCredentialsEvent" -> "wrong user name or password";
			case "LockedException" -> "the account is locked";
			case "DisabledException" -> "the account is disabled";
			case "AccountExpiredException" -> "the account has expired";
			case "CredentialsExpiredException" -> "the password has expired";
			case "InvalidBearerTokenException" -> "the token is not valid";
			case "AuthenticationServiceException", "InternalAuthenticationServiceException" ->
				"the credentials could not be checked (an internal error)";
			case "OAuth2AuthenticationException" -> "the identity provider refused the login";
			case "UsernameNotFoundException" -> "no such user";
			default -> "refused (" + inWords(exception.replaceAll("Exception$", "")) + ")";
		};
	}

	/**
	 * A recorded {@code method} in words: an old entry's class name translated, words as
	 * they are.
	 */
	public static String readMethod(String recorded) {
		return recorded == null || isClassName(recorded) ? method(recorded) : recorded;
	}

	/**
	 * A recorded {@code reason} in words: an old entry's class name translated, words as
	 * they are (never "refused (wrong user name or password)").
	 */
	public static String readReason(String recorded) {
		return recorded == null || isClassName(recorded) ? reason(recorded) : recorded;
	}

	private static boolean isClassName(String recorded) {
		return CLASS_NAME.matcher(recorded).matches();
	}

	/** {@code RememberMeAuthenticationToken} as "remember me authentication token". */
	private static String inWords(String className) {
		return className.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

}
