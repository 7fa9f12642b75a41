package io.trunkguard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The recovery command, run on the server:
 * {@code java -jar trunkguard.jar --trunkguard.account.enable=USERNAME} enables that
 * local account (audited, actor {@code system:recovery-command}), prints what it did and
 * stops the application again (unless {@code trunkguard.account.exit=false}).
 */
@Component
@ConditionalOnProperty("trunkguard.account.enable")
class AccountRecoveryCommand implements ApplicationRunner {

	static final String ACTOR = "system:recovery-command";

	private static final Logger log = LoggerFactory.getLogger(AccountRecoveryCommand.class);

	private final AccountRecovery recovery;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	AccountRecoveryCommand(AccountRecovery recovery, Environment environment, ConfigurableApplicationContext context) {
		this.recovery = recovery;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = environment.getProperty("trunkguard.account.enable", "").strip();
		AccountRecovery.Outcome outcome = recovery.enable(username, ACTOR, "recovery command");
		if (outcome.enabled()) {
			log.warn("Recovery command: {}", outcome.message());
		}
		else {
			log.error("Recovery command: {}", outcome.message());
		}
		if (environment.getProperty("trunkguard.account.exit", Boolean.class, true)) {
			int code = outcome.enabled() ? 0 : 1;
			System.exit(SpringApplication.exit(context, () -> code));
		}
	}

}
