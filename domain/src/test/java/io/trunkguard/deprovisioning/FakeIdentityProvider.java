package io.trunkguard.deprovisioning;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Keycloak in the domain's tests (integrations implements the real
 * adapter, tested against a real Keycloak in the web module): accounts with roles,
 * sessions and an enabled flag, and a switch to be unreachable. It is the outside system,
 * not the thing under test. In a reactor build the web module's tests see the domain's
 * test classes too: there the real adapter is wanted, so this one stays out wherever the
 * application class exists.
 */
@Component
@ConditionalOnMissingClass("io.trunkguard.TrunkguardApplication")
public class FakeIdentityProvider implements IdentityProviderPort {

	record Account(AtomicInteger sessions, Set<String> roles, boolean[] enabled) {
	}

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final AtomicInteger disableCalls = new AtomicInteger();

	private final Map<String, AtomicInteger> disableCallsByUser = new ConcurrentHashMap<>();

	/**
	 * Disable calls made while the calling thread had a transaction (and so a
	 * connection).
	 */
	private final AtomicInteger disableCallsInTransaction = new AtomicInteger();

	private volatile boolean down;

	public void addAccount(String username, int sessions, String... roles) {
		Set<String> set = ConcurrentHashMap.newKeySet();
		set.addAll(Set.of(roles));
		accounts.put(username, new Account(new AtomicInteger(sessions), set, new boolean[] { true }));
	}

	public void setDown(boolean down) {
		this.down = down;
	}

	public int disableCalls() {
		return disableCalls.get();
	}

	/** The disable calls that reached the provider for {@code username}. */
	public int disableCallsOf(String username) {
		AtomicInteger calls = disableCallsByUser.get(username);
		return calls == null ? 0 : calls.get();
	}

	public int disableCallsInTransaction() {
		return disableCallsInTransaction.get();
	}

	public Set<String> rolesOf(String username) {
		return Set.copyOf(accounts.get(username).roles());
	}

	/** Simulates someone re-enabling the account behind the app's back. */
	public void enable(String username) {
		accounts.get(username).enabled()[0] = true;
	}

	@Override
	public String name() {
		return "keycloak";
	}

	@Override
	public boolean disableUser(String username) {
		reachable();
		disableCalls.incrementAndGet();
		disableCallsByUser.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
			disableCallsInTransaction.incrementAndGet();
		}
		Account account = accounts.get(username);
		if (account == null) {
			return false;
		}
		account.enabled()[0] = false;
		return true;
	}

	@Override
	public int logoutUser(String username) {
		reachable();
		Account account = accounts.get(username);
		return account == null ? 0 : account.sessions().getAndSet(0);
	}

	@Override
	public boolean removeRealmRole(String username, String role) {
		reachable();
		Account account = accounts.get(username);
		return account != null && account.roles().remove(role);
	}

	@Override
	public boolean isDisabled(String username) {
		reachable();
		Account account = accounts.get(username);
		return account == null || !account.enabled()[0];
	}

	@Override
	public int activeSessions(String username) {
		reachable();
		Account account = accounts.get(username);
		return account == null ? 0 : account.sessions().get();
	}

	private void reachable() {
		if (down) {
			throw new IllegalStateException("Keycloak is unreachable (connection refused)");
		}
	}

}
