package io.trunkguard.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import io.trunkguard.demo.DemoDataLoader;
import io.trunkguard.people.People;
import io.trunkguard.people.Person;

/**
 * Gives every active demo person with a username a local login with the reviewer role, so
 * each person the demo routes review items to (managers, system owners such as
 * {@code margaret.okafor}) can log in and decide them: a quarterly review can be finished
 * in the demo. Only when the demo data set is loaded (never in real data), after it is
 * loaded, and once per person. The password is {@code TRUNKGUARD_PASSWORD_DEMO_PEOPLE}
 * when set (also over one stored earlier), otherwise generated per person and printed
 * once, like the four role accounts.
 */
class DemoPeopleAccounts implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoPeopleAccounts.class);

	static final String ENVIRONMENT_VARIABLE = "TRUNKGUARD_PASSWORD_DEMO_PEOPLE";

	private final LocalAccounts accounts;

	private final DemoDataLoader demo;

	private final People people;

	private final String password;

	private final PasswordEncoder encoder;

	private final SecurityAudit audit;

	private final TransactionTemplate transactions;

	private final SecureRandom random = new SecureRandom();

	private volatile boolean running;

	DemoPeopleAccounts(LocalAccounts accounts, DemoDataLoader demo, People people, SecuritySettings settings,
			PasswordEncoder encoder, SecurityAudit audit, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.demo = demo;
		this.people = people;
		SecuritySettings.Passwords passwords = settings.localAccounts().passwords();
		this.password = passwords == null || passwords.demoPeople() == null || passwords.demoPeople().isBlank() ? null
				: passwords.demoPeople();
		this.encoder = encoder;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void start() {
		if (demo.isLoaded()) {
			transactions.executeWithoutResult(status -> ensureAll());
		}
		running = true;
	}

	private void ensureAll() {
		List<String> created = new ArrayList<>();
		List<String> usernames = people.findAllByOrderByFullName()
			.stream()
			.filter(person -> person.getUsername() != null && person.isActive()
					&& Role.fromName(person.getUsername()).isEmpty())
			.map(Person::getUsername)
			.toList();
		Map<String, NewPassword> newHashes = newHashes(usernames);
		for (String username : usernames) {
			var existing = accounts.find(username);
			if (existing.isPresent()) {
				if (password != null && !encoder.matches(password, existing.get().passwordHash())) {
					accounts.changePassword(username, encoder.encode(password));
					audit.localAccountPasswordSet(username);
				}
				continue;
			}
			String chosen = password != null ? password : newHashes.get(username).password();
			accounts.create(username, Role.REVIEWER, newHashes.get(username).hash());
			audit.localAccountCreated(username, Role.REVIEWER);
			created.add(password != null ? username : username + " / " + chosen);
		}
		if (created.isEmpty()) {
			return;
		}
		if (password != null) {
			log.info("Demo people's local accounts created with the password from {}: {}", ENVIRONMENT_VARIABLE,
					String.join(", ", created));
		}
		else {
			log.warn("""

					==> Demo people's local accounts (role reviewer) created with generated passwords:
					    {}
					    They are shown only this once. Set {} to choose one for all of them.
					""", String.join("\n    ", created), ENVIRONMENT_VARIABLE);
		}
	}

	/** A password for an account still to be created, and its hash. */
	private record NewPassword(String password, String hash) {
	}

	/**
	 * The passwords of the accounts not there yet, hashed side by side: BCrypt, one hash
	 * after another, was a visible part of a first start (docs/performance.md).
	 */
	private Map<String, NewPassword> newHashes(List<String> usernames) {
		return usernames.stream()
			.filter(username -> accounts.find(username).isEmpty())
			.toList()
			.parallelStream()
			.map(username -> {
				String chosen = password != null ? password : generatePassword();
				return Map.entry(username, new NewPassword(chosen, encoder.encode(chosen)));
			})
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private String generatePassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Right after the demo data loader (phase 0), before the web server opens its port.
	 */
	@Override
	public int getPhase() {
		return 1;
	}

}
