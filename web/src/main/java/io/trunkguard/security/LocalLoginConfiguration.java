package io.trunkguard.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Form login with the local accounts: the embedded default
 * ({@code trunkguard.security.login=local}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trunkguard.security", name = "login", havingValue = "local", matchIfMissing = true)
class LocalLoginConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	LoginThrottle loginThrottle(SecuritySettings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new LoginThrottle(settings.abuse(), Clock.systemUTC(), jdbc, transactions);
	}

	@Bean
	LocalAccounts localAccounts(JdbcClient jdbc) {
		return new LocalAccounts(jdbc);
	}

	/**
	 * Not in the audit verify command: verifying must not create accounts (or print
	 * passwords).
	 */
	@Bean
	@ConditionalOnProperty(name = "trunkguard.audit.verify-and-exit", havingValue = "false", matchIfMissing = true)
	LocalAccountsInitializer localAccountsInitializer(LocalAccounts accounts, SecuritySettings settings,
			PasswordEncoder encoder, SecurityAudit audit, TransactionTemplate transactions) {
		return new LocalAccountsInitializer(accounts, settings, encoder, audit, transactions);
	}

	/** Logins for the demo people review items are routed to (only over demo data). */
	@Bean
	@ConditionalOnProperty(name = "trunkguard.audit.verify-and-exit", havingValue = "false", matchIfMissing = true)
	DemoPeopleAccounts demoPeopleAccounts(LocalAccounts accounts, io.trunkguard.demo.DemoDataLoader demo,
			io.trunkguard.people.People people, SecuritySettings settings, PasswordEncoder encoder, SecurityAudit audit,
			TransactionTemplate transactions) {
		return new DemoPeopleAccounts(accounts, demo, people, settings, encoder, audit, transactions);
	}

}
