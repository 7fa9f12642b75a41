package io.trunkguard.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the four local accounts exist before the first login. A password set in the
 * environment ({@code TRUNKGUARD_PASSWORD_<ROLE>}) wins, also over one stored earlier;
 * otherwise a random password is generated when the account is created and printed in the
 * log that one time.
 */
class LocalAccountsInitializer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(LocalAccountsInitializer.class);

	private final LocalAccounts accounts;

	private final SecuritySettings.Passwords passwords;

	private final PasswordEncoder encoder;

	private final SecurityAudit audit;

	private final TransactionTemplate transactions;

	private final SecureRandom random = new SecureRandom();

	private final int minPasswordLength;

	LocalAccountsInitializer(LocalAccounts accounts, SecuritySettings settings, PasswordEncoder encoder,
			SecurityAudit audit, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.passwords = settings.localAccounts().passwords();
		this.minPasswordLength = settings.abuse().minPasswordLength();
		this.encoder = encoder;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		refuseWeakPasswords();
		Map<Role, NewPassword> prepared = newPasswords();
		for (Role role : Role.values()) {
			transactions.executeWithoutResult(status -> ensure(role, prepared.get(role)));
		}
	}

	/** A password for an account still to be created, and its hash. */
	private record NewPassword(String password, String hash) {
	}

	/**
	 * The passwords of the accounts not there yet, hashed side by side: on a first start
	 * the four BCrypt hashes one after another were a visible part of the start-up
	 * (docs/performance.md). {@link #ensure} still checks each account in its own
	 * transaction, and hashes there only for an account that was there at this check and
	 * has gone since.
	 */
	private Map<Role, NewPassword> newPasswords() {
		return Arrays.stream(Role.values())
			.filter(role -> accounts.find(role.roleName()).isEmpty())
			.toList()
			.parallelStream()
			.collect(Collectors.toMap(role -> role, role -> {
				String password = configuredPassword(role);
				String chosen = password != null ? password : generatePassword();
				return new NewPassword(chosen, encoder.encode(chosen));
			}));
	}

	private String configuredPassword(Role role) {
		String fromEnvironment = passwords == null ? null : passwords.of(role);
		return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : null;
	}

	/**
	 * A password given through the environment must have at least
	 * {@code trunkguard.security.abuse.min-password-length} characters (12): the start
	 * fails with a message naming the variable, before any account is touched.
	 */
	void refuseWeakPasswords() {
		if (passwords == null) {
			return;
		}
		for (Role role : Role.values()) {
			String password = passwords.of(role);
			if (password != null && !password.isBlank() && password.length() < minPasswordLength) {
				throw new WeakPasswordException(environmentVariable(role) + " is " + password.length()
						+ " characters long; a password given through the environment needs at least "
						+ minPasswordLength + ". Choose a longer one, or unset it to have one generated.");
			}
		}
	}

	/** Refuses the start: a local account's password from the environment is too weak. */
	static class WeakPasswordException extends IllegalStateException {

		WeakPasswordException(String message) {
			super(message);
		}

	}

	private void ensure(Role role, NewPassword prepared) {
		String username = role.roleName();
		String fromEnvironment = configuredPassword(role);
		boolean configured = fromEnvironment != null;
		var existing = accounts.find(username);
		if (existing.isPresent()) {
			if (configured && !encoder.matches(fromEnvironment, existing.get().passwordHash())) {
				accounts.changePassword(username, encoder.encode(fromEnvironment));
				audit.localAccountPasswordSet(username);
				log.info("Local account '{}': password taken from {}.", username, environmentVariable(role));
			}
			return;
		}
		NewPassword chosen = prepared != null ? prepared
				: new NewPassword(configured ? fromEnvironment : generatePassword(), null);
		String password = chosen.password();
		accounts.create(username, role, chosen.hash() != null ? chosen.hash() : encoder.encode(password));
		audit.localAccountCreated(username, role);
		if (configured) {
			log.info("Local account '{}' created with the password from {}.", username, environmentVariable(role));
		}
		else {
			log.warn("""

					==> Local account '{}' created with the generated password: {}
					    It is shown only this once. Set {} to choose your own.
					""", username, password, environmentVariable(role));
		}
	}

	private String generatePassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String environmentVariable(Role role) {
		return "TRUNKGUARD_PASSWORD_" + role.name();
	}

}
