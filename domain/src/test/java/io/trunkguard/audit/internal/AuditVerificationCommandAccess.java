package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditChainVerifier;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.support.GenericApplicationContext;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/** Test access to the package-private command: runs it with {@code --verify-audit-trail} on a throwaway context. */
public final class AuditVerificationCommandAccess {

	private AuditVerificationCommandAccess() {
	}

	public static void run(AuditChainVerifier verifier, PrintStream out, IntConsumer exit) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		new AuditVerificationCommand(verifier, context, out, exit)
				.run(new DefaultApplicationArguments("--" + AuditVerificationCommand.OPTION));
	}
}
