package io.trunkguard.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.trunkguard.audit.AuditTrail;

/**
 * Audit entries of refused requests without valid credentials, counted per source address
 * in the database, shared by every node ({@code trunkguard.security.abuse.*}).
 */
@Configuration(proxyBeanMethods = false)
class AbuseConfiguration {

	@Bean
	UnauthenticatedRefusals unauthenticatedRefusals(AuditTrail trail, SecuritySettings settings, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		return new UnauthenticatedRefusals(trail, jdbc, transactions, settings.abuse().refusalWindow(),
				settings.abuse().maxTrackedSources(), Clock.systemUTC(), true);
	}

}
