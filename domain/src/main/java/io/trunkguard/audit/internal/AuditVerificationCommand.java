package io.trunkguard.audit.internal;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditVerification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * The audit chain verifier as a command: start the application with {@code --verify-audit-trail} and it verifies
 * the chain, prints the result and exits with status 0 (intact) or 1 (broken), e.g.
 * {@code java -jar trunkguard.jar --verify-audit-trail --trunkguard.demo.enabled=false}.
 */
@Component
class AuditVerificationCommand implements ApplicationRunner {

	static final String OPTION = "verify-audit-trail";

	private final AuditChainVerifier verifier;
	private final ConfigurableApplicationContext context;
	private final PrintStream out;
	private final IntConsumer exit;

	@Autowired
	AuditVerificationCommand(AuditChainVerifier verifier, ConfigurableApplicationContext context) {
		this(verifier, context, System.out, System::exit);
	}

	AuditVerificationCommand(AuditChainVerifier verifier, ConfigurableApplicationContext context, PrintStream out,
			IntConsumer exit) {
		this.verifier = verifier;
		this.context = context;
		this.out = out;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		AuditVerification result = verifier.verify();
		out.println(describe(result));
		int status = result.intact() ? 0 : 1;
		exit.accept(SpringApplication.exit(context, () -> status));
	}

	static String describe(AuditVerification result) {
		if (result.intact()) {
			return "Audit trail intact: " + result.entriesChecked() + " entries checked, head hash " + result.headHash();
		}
		return "Audit trail BROKEN at entry " + result.firstBrokenSequence() + " (" + result.entriesChecked()
				+ " entries checked): " + result.reason();
	}
}
