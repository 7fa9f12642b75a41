package io.trunkguard.security.camunda;

import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based authentication, with the user taken as Spring Security
 * vouches for it. Camunda's own variant looks the user up in the engine's identity
 * tables, where Trunkguard keeps no users (no Camunda passwords exist), and would fail;
 * here the session's Camunda authentication is built directly: the user, the groups from
 * {@link SpringSecurityCamundaAuthentication}, and all webapps (only admins get this
 * far).
 */
class SpringSecurityAuthenticationFilter extends ContainerBasedAuthenticationFilter {

	@Override
	protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
			List<String> tenants) {
		UserAuthentication authentication = new UserAuthentication(username, engine.getName());
		authentication.setGroupIds(groups == null ? List.of() : groups);
		authentication.setTenantIds(tenants == null ? List.of() : tenants);
		authentication.setAuthorizedApps(new LinkedHashSet<>(List.of(AuthenticationUtil.APPS)));
		return authentication;
	}

}
