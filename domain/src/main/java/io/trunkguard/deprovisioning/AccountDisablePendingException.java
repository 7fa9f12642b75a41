package io.trunkguard.deprovisioning;

/**
 * The process's disable step came before the {@link AccountDisabler} recorded the
 * account's disabling: the step fails and its job is tried again shortly, instead of
 * calling the identity provider while holding the job's database connection.
 */
class AccountDisablePendingException extends RuntimeException {

	AccountDisablePendingException(DeprovisioningCaseId caseId) {
		super("The account of deprovisioning case " + caseId
				+ " is being disabled at the identity provider; this step records it once that is done.");
	}

}
