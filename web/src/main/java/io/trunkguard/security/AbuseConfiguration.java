package io.trunkguard.security;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.trunkguard.audit.AuditTrail;

/**
 * Audit entries of refused requests without valid credentials, counted per source address
 * ({@code trunkguard.security.abuse.*}).
 */
@Configuration(proxyBeanMethods = false)
class AbuseConfiguration {

	@Bean
	UnauthenticatedRefusals unauthenticatedRefusals(AuditTrail trail, SecuritySettings settings) {
		return new UnauthenticatedRefusals(trail, settings.abuse().refusalWindow(),
				settings.abuse().maxTrackedSources(), Clock.systemUTC(), true);
	}

}
