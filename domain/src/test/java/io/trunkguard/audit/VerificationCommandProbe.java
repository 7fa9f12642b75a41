package io.trunkguard.audit;

import io.trunkguard.audit.internal.AuditVerificationCommandAccess;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the verification command against a real verifier, capturing what it prints and the status it exits with. */
record VerificationCommandProbe(String output, int exitStatus) {

	static VerificationCommandProbe run(AuditChainVerifier verifier) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int[] status = { -1 };
		AuditVerificationCommandAccess.run(verifier, new PrintStream(buffer, true, StandardCharsets.UTF_8),
				code -> status[0] = code);
		return new VerificationCommandProbe(buffer.toString(StandardCharsets.UTF_8), status[0]);
	}
}
