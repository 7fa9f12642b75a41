package io.trunkguard.evidencepack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.trunkguard.evidencepack.EvidencePackVerifier;
import io.trunkguard.evidencepack.PackVerification;

/**
 * Runs when the application is started with {@code --trunkguard.pack.verify=FILE}:
 * verifies the pack in FILE (streamed from disk, any size), prints the verdict sentence
 * and hands the exit code (0 matches, 1 does not or cannot be read) to
 * {@code TrunkguardApplication.main}. The application starts read-only, as for the audit
 * verify command: no listening, no Flyway migration, no process deployment, no jobs.
 */
@Component
@ConditionalOnProperty(name = PackVerifyCommand.PROPERTY)
class PackVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String PROPERTY = "trunkguard.pack.verify";

	private final EvidencePackVerifier verifier;

	private final String file;

	private final PrintStream out;

	private int exitCode = 1;

	@Autowired
	PackVerifyCommand(EvidencePackVerifier verifier, @Value("${" + PROPERTY + "}") String file) {
		this(verifier, file, System.out);
	}

	PackVerifyCommand(EvidencePackVerifier verifier, String file, PrintStream out) {
		this.verifier = verifier;
		this.file = file;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		exitCode = verifyAndReport();
	}

	/** Verifies, prints the verdict, returns the exit code. */
	int verifyAndReport() {
		Path path = Path.of(file.strip());
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			out.printf("Evidence pack NOT verified: %s is not a readable file.%n", path);
			return 1;
		}
		PackVerification result;
		try (InputStream in = Files.newInputStream(path)) {
			result = verifier.verify(in);
		}
		catch (IOException e) {
			out.printf("Evidence pack NOT verified: %s cannot be read (%s).%n", path, e.getMessage());
			return 1;
		}
		out.printf("%s %s%n", result.ok() ? "Evidence pack verified:" : "Evidence pack does NOT match:",
				result.sentence());
		if (result.sha256() != null) {
			out.printf("SHA-256 of %s: %s%n", path.getFileName(), result.sha256());
		}
		return result.ok() ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
