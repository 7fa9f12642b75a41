package io.trunkguard.deprovisioning.web;

import io.trunkguard.deprovisioning.LocalSignInPort;
import io.trunkguard.security.LocalAccountDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Deprovisioning's view of the local accounts (embedded default): a leaver's local
 * sign-in is disabled when no identity provider is configured. With Keycloak login there
 * are no local accounts: nobody has one to disable.
 */
@Component
class LocalSignIns implements LocalSignInPort {

	private final ObjectProvider<LocalAccountDirectory> accounts;

	LocalSignIns(ObjectProvider<LocalAccountDirectory> accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean disable(String username, String reason) {
		LocalAccountDirectory directory = accounts.getIfAvailable();
		return directory != null && directory.disable(username, reason);
	}

	@Override
	public boolean isPrivileged(String username) {
		LocalAccountDirectory directory = accounts.getIfAvailable();
		return directory != null && directory.isPrivileged(username);
	}

	@Override
	public boolean isDisabled(String username) {
		LocalAccountDirectory directory = accounts.getIfAvailable();
		return directory == null || directory.isDisabled(username);
	}

}
