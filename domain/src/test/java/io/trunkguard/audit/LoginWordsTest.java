package io.trunkguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginWordsTest {

	@Test
	void namesEachWayOfSigningInTheAppHasInWords() {
		assertThat(LoginWords.method("UsernamePasswordAuthenticationToken")).isEqualTo("password form");
		assertThat(LoginWords.method("PreAuthenticatedAuthenticationToken")).isEqualTo("API token");
		assertThat(LoginWords.method("OAuth2AuthenticationToken")).isEqualTo("Keycloak login (OpenID Connect)");
		assertThat(LoginWords.method("OAuth2LoginAuthenticationToken")).isEqualTo("Keycloak login (OpenID Connect)");
		assertThat(LoginWords.method("BearerTokenAuthenticationToken")).isEqualTo("Keycloak bearer token");
		assertThat(LoginWords.method("JwtAuthenticationToken")).isEqualTo("Keycloak bearer token");
	}

	@Test
	void namesAnUnknownWayOfSigningInByItsClassNameInLowerCaseWords() {
		assertThat(LoginWords.method("RememberMeAuthenticationToken")).isEqualTo("remember me authentication token");
		assertThat(LoginWords.method("")).isEqualTo("unknown");
		assertThat(LoginWords.method(null)).isEqualTo("unknown");
	}

	@Test
	void saysWhyALoginFailedAsASentenceFragment() {
		assertThat(LoginWords.reason("BadCredentialsException")).isEqualTo("wrong user name or password");
		assertThat(LoginWords.reason("LockedException")).isEqualTo("the account is locked");
		assertThat(LoginWords.reason("DisabledException")).isEqualTo("the account is disabled");
		assertThat(LoginWords.reason("InvalidBearerTokenException")).isEqualTo("the token is not valid");
		assertThat(LoginWords.reason("ProviderNotFoundException")).isEqualTo("refused (provider not found)");
		assertThat(LoginWords.reason(null)).isEqualTo("refused");
	}

	@Test
	void readsAnOldClassNameEntryAndANewWordsEntryAlike() {
		assertThat(LoginWords.readReason("BadCredentialsException"))
			.isEqualTo(LoginWords.readReason("wrong user name or password"))
			.isEqualTo("wrong user name or password");
		assertThat(LoginWords.readReason("refused (provider not found)")).isEqualTo("refused (provider not found)");
		assertThat(LoginWords.readMethod("UsernamePasswordAuthenticationToken"))
			.isEqualTo(LoginWords.readMethod("password form"))
			.isEqualTo("password form");
		assertThat(LoginWords.readMethod("API token")).isEqualTo("API token");
		assertThat(LoginWords.readMethod("Keycloak bearer token")).isEqualTo("Keycloak bearer token");
	}

}
