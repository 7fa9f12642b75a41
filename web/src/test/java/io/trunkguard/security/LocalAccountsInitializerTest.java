package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: a password given through the environment must have at least 12 characters; a
 * shorter one stops the start with a message naming the variable, before any account is
 * created or changed (the accounts, encoder, audit and transactions are never used).
 */
class LocalAccountsInitializerTest {

	@Test
	void refusesToStartWithAShortPasswordFromTheEnvironment() {
		LocalAccountsInitializer initializer = new LocalAccountsInitializer(null,
				settings(new SecuritySettings.Passwords("long-enough-password", null, null, "short-pw", null)), null,
				null, null);

		assertThatThrownBy(initializer::afterSingletonsInstantiated)
			.isInstanceOf(LocalAccountsInitializer.WeakPasswordException.class)
			.hasMessage("TRUNKGUARD_PASSWORD_ADMIN is 8 characters long; a password given through the environment "
					+ "needs at least 12. Choose a longer one, or unset it to have one generated.");
	}

	@Test
	void acceptsTwelveCharactersAndUnsetPasswords() {
		LocalAccountsInitializer initializer = new LocalAccountsInitializer(null,
				settings(new SecuritySettings.Passwords("twelve-chars", null, "", null, null)), null, null, null);

		assertThatCode(initializer::refuseWeakPasswords).doesNotThrowAnyException();
	}

	private static SecuritySettings settings(SecuritySettings.Passwords passwords) {
		return new SecuritySettings(SecuritySettings.Login.LOCAL, new SecuritySettings.LocalAccountSettings(passwords),
				new SecuritySettings.Abuse(Duration.ofMinutes(1), 10_000, 3, Duration.ofSeconds(1),
						Duration.ofSeconds(30), 10, 30, Duration.ofMinutes(15), 12));
	}

}
