package io.trunkguard.review;

import java.util.Optional;

/**
 * Whether a person may decide review items: has a login that can act, and a role that
 * decides (never an auditor or another read-only role). Implemented where logins and
 * roles are known (the local accounts of the embedded default, the identity provider);
 * without an implementation everyone with a username may.
 */
public interface ReviewerEligibility {

	/**
	 * Empty when {@code username} may decide review items; otherwise the sentence saying
	 * why not, e.g. "helen.brooks is an auditor: auditors read campaigns but never decide
	 * review items."
	 */
	Optional<String> refusal(String username);

}
