package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.deprovisioning.LocalSignInPort;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the web module's local accounts (the application's own sign-in) in the
 * workflows tests, which run without identity provider like the embedded default. It is
 * the outside system, not the thing under test.
 */
@Component
class StandInLocalSignIn implements LocalSignInPort {

	final Set<String> accounts = ConcurrentHashMap.newKeySet();

	final Set<String> disabled = ConcurrentHashMap.newKeySet();

	@Override
	public boolean disable(String username, String reason) {
		if (!accounts.contains(username)) {
			return false;
		}
		disabled.add(username);
		return true;
	}

	@Override
	public boolean isDisabled(String username) {
		return !accounts.contains(username) || disabled.contains(username);
	}

}
