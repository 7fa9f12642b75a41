package io.trunkguard.audit.cli;

import java.io.PrintStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditVerification;

/**
 * Runs when the application is started with {@code --trunkguard.audit.verify-and-exit}:
 * verifies the audit chain, prints the result on standard output, and hands the exit code
 * (0 intact, 1 broken) to {@code TrunkguardApplication.main}, which exits with it. No web
 * server is started in that mode.
 */
@Component
@ConditionalOnProperty(name = AuditVerifyCommand.PROPERTY, havingValue = "true")
// the pack verify command runs in the same read-only mode and prints only its own verdict
@ConditionalOnExpression("'${trunkguard.pack.verify:}' == ''")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String PROPERTY = "trunkguard.audit.verify-and-exit";

	private final AuditChainVerifier verifier;

	private final PrintStream out;

	private int exitCode = 2;

	@Autowired
	AuditVerifyCommand(AuditChainVerifier verifier) {
		this(verifier, System.out);
	}

	AuditVerifyCommand(AuditChainVerifier verifier, PrintStream out) {
		this.verifier = verifier;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		exitCode = verifyAndReport();
	}

	/** Verifies, prints the result, returns the exit code. */
	int verifyAndReport() {
		AuditVerification result = verifier.verify();
		if (result.intact()) {
			out.printf("Audit trail intact: %d entries checked, head hash %s%n", result.entriesChecked(),
					result.headHash());
			return 0;
		}
		out.printf("Audit trail BROKEN at entry %d: %s (%d entries checked, head hash %s)%n",
				result.firstBrokenSequence(), result.reason(), result.entriesChecked(), result.headHash());
		return 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
