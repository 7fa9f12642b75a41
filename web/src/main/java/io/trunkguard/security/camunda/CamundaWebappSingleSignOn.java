package io.trunkguard.security.camunda;

import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers Camunda's container-based authentication behind Spring Security's filter
 * chain (which runs at order -100 and already refused everyone but admins), so Cockpit
 * needs no second login and no Camunda password exists.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSingleSignOn {

	@Bean
	FilterRegistrationBean<SpringSecurityAuthenticationFilter> camundaContainerBasedAuthentication() {
		FilterRegistrationBean<SpringSecurityAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new SpringSecurityAuthenticationFilter());
		registration
			.setInitParameters(Map.of("authentication-provider", SpringSecurityCamundaAuthentication.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(101);
		return registration;
	}

}
