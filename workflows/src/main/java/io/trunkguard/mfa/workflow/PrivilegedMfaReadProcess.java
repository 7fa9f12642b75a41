package io.trunkguard.mfa.workflow;

import io.trunkguard.workflow.ProcessVariable;

/**
 * The monthly MFA read ({@code bpmn/mfa/privileged-mfa-read.bpmn}): its key, element ids
 * and variables.
 */
public final class PrivilegedMfaReadProcess {

	public static final String KEY = "privilegedMfaRead";

	public static final String RESOURCE = "bpmn/mfa/privileged-mfa-read.bpmn";

	public static final String START_MONTHLY = "StartEvent_FirstOfTheMonth";

	public static final String TASK_READ = "Task_ReadSecondFactors";

	public static final String GATEWAY_FOUND = "Gateway_WhatWasFound";

	public static final String END_NOT_EVIDENCED = "Event_NotEvidenced";

	public static final String END_EXCEPTIONS = "Event_ExceptionsWithOwners";

	public static final String END_ALL_ENFORCED = "Event_AllEnforced";

	/** The actor the monthly read is recorded as. */
	public static final String ACTOR = "system:monthly-mfa-read";

	/** Whether an identity provider was read (false in the embedded default). */
	public static final ProcessVariable<Boolean> IDENTITY_PROVIDER = ProcessVariable.of("identityProvider",
			Boolean.class);

	/** How many privileged people the read counted as exceptions. */
	public static final ProcessVariable<Integer> EXCEPTIONS = ProcessVariable.of("exceptions", Integer.class);

	private PrivilegedMfaReadProcess() {
	}

}
