package io.trunkguard;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one assembly: business modules from {@code domain}, BPMN processes from
 * {@code workflows}, adapters from {@code integrations} and {@code reports}, and the web
 * UI and API from here.
 * <p>
 * With {@code --trunkguard.audit.verify-and-exit} it verifies the audit trail's hash
 * chain instead of serving, and exits with 0 (intact) or 1 (broken); with
 * {@code --trunkguard.pack.verify=FILE} it verifies an evidence pack the same read-only
 * way.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrunkguardApplication {

	/**
	 * The audit verify command's flag (see
	 * {@code io.trunkguard.audit.cli.AuditVerifyCommand}).
	 */
	static final String VERIFY_FLAG = "--trunkguard.audit.verify-and-exit";

	/**
	 * The pack verify command's flag (see
	 * {@code io.trunkguard.evidencepack.cli.PackVerifyCommand}): {@code =FILE}.
	 */
	static final String PACK_VERIFY_FLAG = "--trunkguard.pack.verify=";

	public static void main(String[] args) {
		if (verifyCommandRequested(args) || packVerifyRequested(args)) {
			ConfigurableApplicationContext context = SpringApplication.run(TrunkguardApplication.class,
					verifyCommandArguments(args));
			System.exit(SpringApplication.exit(context));
		}
		SpringApplication.run(TrunkguardApplication.class, args);
	}

	/**
	 * The verify command's settings win over every configuration file: a verifier only
	 * reads. Nothing listens (the web context is still built), Camunda's webapps are not
	 * registered (they keep their runtime in static fields, which a command run inside a
	 * test JVM would otherwise take over from the application beside it), no Flyway
	 * migration, schema update, schema validation or process deployment runs, no jobs
	 * run, no demo data is loaded; the deprovisioning recovery, the local account setup
	 * and Camunda's admin group setup stay off (they check the same flag), and no
	 * security events are derived or forwarded.
	 */
	static String[] verifyCommandArguments(String[] args) {
		List<String> arguments = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith(VERIFY_FLAG)) {
				arguments.add(arg);
			}
		}
		arguments.add(VERIFY_FLAG + "=true");
		arguments.add("--server.port=-1");
		arguments.add("--camunda.bpm.job-execution.enabled=false");
		arguments.add("--camunda.bpm.webapp.enabled=false");
		arguments.add("--spring.flyway.enabled=false");
		arguments.add("--spring.jpa.hibernate.ddl-auto=none");
		arguments.add("--camunda.bpm.database.schema-update=false");
		arguments.add("--camunda.bpm.auto-deployment-enabled=false");
		arguments.add("--camunda.bpm.metrics.enabled=false");
		arguments.add("--trunkguard.demo.enabled=false");
		arguments.add("--trunkguard.siem.enabled=false");
		arguments.add("--trunkguard.audit.sweep-enabled=false");
		arguments.add("--spring.main.banner-mode=off");
		return arguments.toArray(String[]::new);
	}

	/**
	 * Whether the command line asks for the pack verify command. It runs read-only like
	 * the audit verify command ({@link #verifyCommandArguments}); the audit verify
	 * command itself then stays off.
	 */
	static boolean packVerifyRequested(String... args) {
		for (String arg : args) {
			if (arg.startsWith(PACK_VERIFY_FLAG)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the command line asks for the audit verify command. */
	static boolean verifyCommandRequested(String... args) {
		for (String arg : args) {
			if (arg.equals(VERIFY_FLAG) || arg.equals(VERIFY_FLAG + "=true")) {
				return true;
			}
		}
		return false;
	}

}
