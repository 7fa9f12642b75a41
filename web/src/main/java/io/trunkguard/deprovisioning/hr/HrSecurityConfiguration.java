package io.trunkguard.deprovisioning.hr;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The machine endpoints of HR ({@code /hr/**}, {@code /scim/**}) get their own filter
 * chain, ahead of the application's: no session, no CSRF token, no login redirect. Each
 * request is authenticated by its controller (the webhook's HMAC signature, SCIM's bearer
 * token), and every refusal is audited there.
 */
@Configuration(proxyBeanMethods = false)
class HrSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain hrMachineEndpoints(HttpSecurity http) throws Exception {
		http.securityMatcher("/hr/**", "/scim/**")
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.anonymous(anonymous -> anonymous.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

}
