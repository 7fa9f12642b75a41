package io.trunkguard.security.camunda;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.trunkguard.security.Role;

/**
 * Tells Camunda's {@code ContainerBasedAuthenticationFilter} who is logged in: the user
 * Spring Security authenticated. Admins get Camunda's {@code camunda-admin} group.
 * Camunda creates this class by reflection, hence public with a public no-argument
 * constructor.
 */
public class SpringSecurityCamundaAuthentication implements AuthenticationProvider {

	static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

	private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!trust.isAuthenticated(authentication) || !Role.ADMIN.isHeldBy(authentication)) {
			return AuthenticationResult.unsuccessful();
		}
		AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
		result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
		result.setTenants(List.of());
		return result;
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security has already challenged unauthenticated requests; nothing to
		// add.
	}

}
