package io.trunkguard.mfa.workflow;

import io.trunkguard.mfa.MfaRead;
import io.trunkguard.mfa.MfaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static io.trunkguard.mfa.workflow.PrivilegedMfaReadProcess.ACTOR;
import static io.trunkguard.mfa.workflow.PrivilegedMfaReadProcess.EXCEPTIONS;
import static io.trunkguard.mfa.workflow.PrivilegedMfaReadProcess.IDENTITY_PROVIDER;

/** Reads second factors now and notes what was found. */
@Component("readSecondFactorsDelegate")
class ReadSecondFactorsDelegate implements JavaDelegate {

	private final MfaService mfa;

	ReadSecondFactorsDelegate(MfaService mfa) {
		this.mfa = mfa;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MfaRead read = mfa.read(ACTOR);
		IDENTITY_PROVIDER.set(execution, read.isIdentityProvider());
		EXCEPTIONS.set(execution, read.getExceptionCount());
	}

}
