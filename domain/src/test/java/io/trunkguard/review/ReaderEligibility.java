package io.trunkguard.review;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Stands in for where logins and roles live (the web's local accounts, the identity
 * provider), which the domain does not own: a username starting with {@value #PREFIX} is
 * a read-only login. Only in the domain's own tests; the application's tests use the real
 * one.
 */
@Component
@ConditionalOnMissingClass("io.trunkguard.TrunkguardApplication")
public class ReaderEligibility implements ReviewerEligibility {

	static final String PREFIX = "reader-";

	@Override
	public Optional<String> refusal(String username) {
		return username != null && username.startsWith(PREFIX)
				? Optional.of(username + " has a read-only login and may not decide review items.") : Optional.empty();
	}

}
