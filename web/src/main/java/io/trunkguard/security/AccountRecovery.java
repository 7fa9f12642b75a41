package io.trunkguard.security;

import io.trunkguard.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Enables a disabled local account again: the way back when a deprovisioning (or a
 * mistake) locked out a login that is still needed, e.g. the only admin. Used by the
 * recovery command ({@code --trunkguard.account.enable=USERNAME}) and the admin's page;
 * every use is audited as {@code ACCOUNT_ENABLED}. With Keycloak login there are no local
 * accounts: the user is enabled in Keycloak's admin console.
 */
@Component
public class AccountRecovery {

	/** What happened, as a sentence for the person or operator who asked. */
	public record Outcome(boolean enabled, String message) {
	}

	private final ObjectProvider<LocalAccountDirectory> accounts;

	private final AuditTrail audit;

	AccountRecovery(ObjectProvider<LocalAccountDirectory> accounts, AuditTrail audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	public Outcome enable(String username, String actor, String channel) {
		LocalAccountDirectory directory = accounts.getIfAvailable();
		if (directory == null) {
			return new Outcome(false, "Trunkguard signs in through Keycloak here: enable " + username
					+ " in Keycloak's admin console (realm trunkguard, Users).");
		}
		if (directory.list().stream().noneMatch(a -> a.username().equals(username))) {
			return new Outcome(false, "There is no local account " + username + ".");
		}
		if (!directory.enable(username)) {
			return new Outcome(false, "The local account " + username + " is not disabled: nothing to do.");
		}
		audit.record(actor, "ACCOUNT_ENABLED", "LocalAccount", username, Map.of("channel", channel));
		return new Outcome(true, "The local account " + username + " can sign in again.");
	}

}
