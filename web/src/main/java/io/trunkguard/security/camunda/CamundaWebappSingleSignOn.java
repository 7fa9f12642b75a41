package io.trunkguard.security.camunda;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

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

	/**
	 * Camunda's welcome page ({@code /camunda/app/}) answers "Not permitted" to an admin
	 * who is not in Camunda's own admin group (Trunkguard keeps no Camunda users): the
	 * address goes straight to Cockpit instead.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> camundaWelcomeToCockpit() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String path = request.getRequestURI().substring(request.getContextPath().length());
						if (WELCOME.contains(path)) {
							response.sendRedirect(request.getContextPath() + COCKPIT);
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/camunda/app", "/camunda/app/", "/camunda/app/welcome/*");
		registration.setOrder(100);
		return registration;
	}

	static final String COCKPIT = "/camunda/app/cockpit/default/";

	private static final Set<String> WELCOME = Set.of("/camunda", "/camunda/", "/camunda/app", "/camunda/app/",
			"/camunda/app/welcome/default/", "/camunda/app/welcome/default");

}
