package io.trunkguard.security;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.apitoken.ApiTokenAuthenticationFilter;
import io.trunkguard.security.apitoken.ApiTokens;
import io.trunkguard.security.SecuritySettings.Login;

/**
 * The URL authorization of the whole application, in one place so that the authorization
 * matrix test can be read against it.
 *
 * <ul>
 * <li>Open: the login page, static assets, the error page, {@code /actuator/health} (load
 * balancers).</li>
 * <li>Admin only: every other actuator endpoint, the engine REST API and the Camunda
 * webapps.</li>
 * <li>People, systems, grants, vendors and the audit trail: read by compliance leads,
 * auditors and admins; written by compliance leads and admins.</li>
 * <li>The outbox: read by any logged-in role (each sees their own messages, leads and
 * admins all); a message is queued again by compliance leads and admins.</li>
 * <li>Anything else: read by any logged-in role, written by any role but the auditor, who
 * is read-only everywhere. Every refusal of a logged-in user is written to the audit
 * trail.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy("'self'");

	/**
	 * No inline scripts or styles, nothing from other origins. Forms post only to the
	 * app, except that with Keycloak the logout form's redirect goes to the identity
	 * provider (browsers apply {@code form-action} to redirects after a form post). No
	 * page may be framed, by anyone: {@code frame-ancestors 'none'} says the same as the
	 * {@code X-Frame-Options: DENY} sent with it (for browsers that know only that one).
	 */
	static String contentSecurityPolicy(String formActions) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formActions
				+ "; frame-ancestors 'none'";
	}

	private static final String[] READERS = { Role.COMPLIANCE_LEAD.roleName(), Role.AUDITOR.roleName(),
			Role.ADMIN.roleName() };

	private static final String[] WRITERS = { Role.COMPLIANCE_LEAD.roleName(), Role.ADMIN.roleName() };

	private static final String[] CONTROL_PATHS = { "/controls", "/controls/**", "/api/controls", "/api/controls/**",
			"/api/evidence-items", "/api/evidence-items/**" };

	private static final String[] EVIDENCE_PACKS = { "/evidence-packs", "/evidence-packs/**", "/api/evidence-packs",
			"/api/evidence-packs/**" };

	/** Audits: read by leads, admins and the auditors assigned (checked per audit). */
	private static final String[] AUDIT_PATHS = { "/audits", "/audits/**", "/api/audits", "/api/audits/**" };

	/** Business records that compliance leads and admins maintain and auditors read. */
	private static final String[] RECORDS = { "/people/**", "/systems/**", "/grants/**", "/vendors/**", "/changes/**",
			"/api/people/**", "/api/systems/**", "/api/grants/**", "/api/vendors/**", "/api/changes/**" };

	/** Changes to a questionnaire template after its import: compliance leads only. */
	private static final String[] TEMPLATE_CHANGES = { "/vendors/questionnaire-templates/*/rename",
			"/vendors/questionnaire-templates/*/remove", "/api/vendors/questionnaire-templates/*" };

	private static final java.util.regex.Pattern CASE_PAGE = java.util.regex.Pattern
		.compile("/deprovisioning/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Read-only records: the audit trail and the security events derived from it. */
	private static final String[] AUDIT = { "/audit/**", "/api/audit/**", "/security-events/**" };

	/**
	 * The pages that hold a create or edit form: refused as a page to whoever may not
	 * write, not only when the form is sent.
	 */
	static final String[] WRITE_FORMS = { "/people/new", "/people/*/edit", "/systems/new", "/systems/*/edit",
			"/grants/new", "/vendors/new", "/vendors/*/edit", "/vendors/*/soc-reports/new", "/reviews/new",
			"/deprovisioning/roster", "/audits/new", "/audits/*/edit", "/changes/new" };

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/**
	 * The Camunda webapps (Cockpit, Tasklist, Admin) and the engine REST API are open in
	 * Camunda's defaults; here they are admin only. The webapps keep their own CSRF
	 * protection and CSP; Spring's logged-in admin becomes the Camunda user (see
	 * {@code io.trunkguard.security.camunda}).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain camunda(HttpSecurity http, SecuritySettings settings,
			AuditingAccessDeniedHandler accessDeniedHandler, ProblemAuthenticationEntryPoint problemEntryPoint,
			EndedLogins endedLogins) throws Exception {
		http.addFilterBefore(endedLogins, AuthorizationFilter.class);
		RequestMatcher webapps = PATHS.matcher("/camunda/**");
		RequestMatcher engineRest = PATHS.matcher("/engine-rest/**");
		// Camunda's own CSRF check would end the admin's whole session on a forged
		// request.
		http.addFilterAfter(new CamundaCsrfGuard(accessDeniedHandler), AuthorizationFilter.class);
		http.securityMatcher(new OrRequestMatcher(webapps, engineRest))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(Role.ADMIN.roleName()))
			.csrf(csrf -> {
				csrf.ignoringRequestMatchers(webapps);
				if (settings.login() == Login.OIDC) {
					csrf.ignoringRequestMatchers(SecurityConfiguration::carriesBearerToken);
				}
			})
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(
					exceptions -> exceptions.defaultAuthenticationEntryPointFor(problemEntryPoint, engineRest)
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(loginPage(settings)),
								webapps)
						.accessDeniedHandler(accessDeniedHandler));
		if (settings.login() == Login.OIDC) {
			http.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakRoles.jwtAuthenticationConverter()))
				.authenticationEntryPoint(problemEntryPoint));
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain application(HttpSecurity http, SecuritySettings settings,
			AuditingAccessDeniedHandler accessDeniedHandler, ProblemAuthenticationEntryPoint problemEntryPoint,
			ObjectProvider<ClientRegistrationRepository> clientRegistrations,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUserService, EndedLogins endedLogins,
			EndedLoginSessions endedSessions, AuditTrail trail, ObjectProvider<LoginThrottle> loginThrottle,
			UnauthenticatedRefusals refusals, ApiTokens apiTokens, ObjectMapper json) throws Exception {
		if (settings.login() == Login.LOCAL) {
			// API tokens for scripts and devices (the embedded default's counterpart of
			// Keycloak's client-credentials tokens), per request, without a session.
			http.addFilterAfter(new ApiTokenAuthenticationFilter(apiTokens, trail, refusals, json),
					SecurityContextHolderFilter.class);
		}
		http.addFilterBefore(endedLogins, AuthorizationFilter.class);
		RequestMatcher api = PATHS.matcher("/api/**");
		// Bearer tokens are not sent by browsers on their own: such calls cannot be
		// forged.
		http.authorizeHttpRequests(authorize -> rules(authorize))
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesBearerToken))
			.headers(
					headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(settings.login() == Login.OIDC
								? contentSecurityPolicy(
										"'self' " + identityProviderOrigin(clientRegistrations.getObject()))
								: CONTENT_SECURITY_POLICY))
						.frameOptions(frame -> frame.deny())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
						.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(problemEntryPoint, api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(loginPage(settings)),
						AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(accessDeniedHandler));
		if (settings.login() == Login.OIDC) {
			// client-credentials tokens of automation: their authorised writes are
			// audited by client, as API tokens' are in the embedded default
			http.addFilterAfter(new ServiceAccountUseAudit(trail), AuthorizationFilter.class);
			http.oauth2Login(
					login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService.getObject())))
				.oauth2ResourceServer(resourceServer -> resourceServer
					.jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakRoles.jwtAuthenticationConverter()))
					.authenticationEntryPoint(problemEntryPoint))
				.logout(logout -> logout.logoutSuccessHandler(keycloakLogout(clientRegistrations.getObject())))
				.oidcLogout(logout -> logout.backChannel(
						backChannel -> backChannel.logoutHandler(new BackChannelLogout(endedSessions, trail))));
		}
		else {
			LoginThrottle throttle = loginThrottle.getIfAvailable();
			if (throttle != null) {
				http.addFilterBefore(new LoginThrottling(throttle, refusals),
						UsernamePasswordAuthenticationFilter.class);
			}
			http.formLogin(
					form -> form.loginPage("/login").defaultSuccessUrl("/").failureUrl("/login?error").permitAll())
				.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		}
		return http.build();
	}

	@Bean
	EndedLoginSessions endedLoginSessions(JdbcClient jdbc) {
		return new EndedLoginSessions(jdbc, Clock.systemUTC());
	}

	/**
	 * Refuses the requests of leavers, of ended identity-provider sessions and of
	 * disabled local accounts; one instance in both chains, not as a servlet filter of
	 * its own.
	 */
	@Bean
	EndedLogins endedLogins(ObjectProvider<LocalAccounts> localAccounts, ObjectProvider<LeaverDirectory> leavers,
			EndedLoginSessions endedSessions, AuditTrail trail) {
		return new EndedLogins(localAccounts, leavers, endedSessions, trail);
	}

	@Bean
	FilterRegistrationBean<EndedLogins> endedLoginsOnlyInTheSecurityChains(EndedLogins filter) {
		FilterRegistrationBean<EndedLogins> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		authorize.requestMatchers(paths("/login", "/error", "/error/**", "/css/**", "/img/**", "/favicon.ico"))
			.permitAll()
			.requestMatchers(paths("/actuator/health", "/actuator/health/**"))
			.permitAll()
			// a carrier's contact answers a questionnaire with the link's token alone, no
			// account: the token is the authorisation, checked by the questionnaire
			// module
			.requestMatchers(paths("/q/*", "/q/*/files/*"))
			.permitAll()
			.requestMatchers(paths("/actuator/**", "/admin/**"))
			.hasRole(Role.ADMIN.roleName())
			.requestMatchers(paths(WRITE_FORMS))
			.hasAnyRole(WRITERS)
			// renaming, retiring and deleting questionnaire templates: compliance leads
			.requestMatchers(writes(TEMPLATE_CHANGES))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			.requestMatchers(reads(RECORDS))
			.hasAnyRole(READERS)
			.requestMatchers(paths(RECORDS))
			.hasAnyRole(WRITERS)
			.requestMatchers(reads(AUDIT))
			.hasAnyRole(READERS)
			.requestMatchers(paths(AUDIT))
			.denyAll()
			// Access reviews: leads run campaigns, only a lead signs off, readers get the
			// reports;
			// deciding is for the assigned reviewer, which the review module checks per
			// item.
			.requestMatchers(paths("/reviews/new"))
			.hasAnyRole(WRITERS)
			.requestMatchers(posts("/reviews", "/api/reviews/campaigns", "/reviews/*/remind"))
			.hasAnyRole(WRITERS)
			.requestMatchers(posts("/reviews/*/sign-off", "/reviews/*/end-early"))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			.requestMatchers(paths("/reviews/*/report.pdf", "/reviews/*/report.xlsx"))
			.hasAnyRole(READERS)
			// manual remediation: owners and leads confirm (checked per item), only a
			// lead accepts a revocation
			// as not remediated; proof files are read by those who oversee campaigns;
			// leads reassign reviewers
			.requestMatchers(posts("/reviews/remediations/*/accept"))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			.requestMatchers(paths("/reviews/remediations/proofs/*"))
			.hasAnyRole(READERS)
			.requestMatchers(posts("/reviews/*/reassign"))
			.hasAnyRole(WRITERS)
			// Deprovisioning: a task goes to its assignee or candidate role, which the
			// domain checks per task;
			// importing a roster and storing the log as evidence are for leads and
			// admins; cases and the log are
			// HR data, read by leads, auditors and admins.
			.requestMatchers(paths("/deprovisioning/tasks", "/deprovisioning/tasks/**"))
			.access(readOnlyForAuditors())
			.requestMatchers(paths("/deprovisioning/roster"))
			.hasAnyRole(WRITERS)
			// "Deprovision now" for a leaver who still holds access: compliance leads
			.requestMatchers(posts("/deprovisioning/leavers/*"))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			// a case page is also read by whoever holds one of its tasks (the system
			// owner), which the page checks
			.requestMatchers(request -> isRead(request)
					&& CASE_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()))
						.matches())
			.authenticated()
			.requestMatchers(reads("/deprovisioning", "/deprovisioning/**", "/api/deprovisioning/**"))
			.hasAnyRole(READERS)
			.requestMatchers(paths("/deprovisioning", "/deprovisioning/**"))
			.hasAnyRole(WRITERS)
			// Captures: read by leads, auditors and admins; uploaded and attached to
			// carriers by leads and admins. The raw file holds call audio and phone
			// numbers: leads and admins only (each download is audited).
			.requestMatchers(paths("/captures/*/raw"))
			.hasAnyRole(WRITERS)
			// accepting the risk of an encryption remediation task: a compliance lead
			// (the domain refuses the carrier's owner)
			.requestMatchers(posts("/captures/remediations/*/accept-risk", "/api/captures/remediations/*/accept-risk"))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			.requestMatchers(reads("/captures", "/captures/**", "/api/captures", "/api/captures/**"))
			.hasAnyRole(READERS)
			.requestMatchers(paths("/captures", "/captures/**", "/api/captures", "/api/captures/**"))
			.hasAnyRole(WRITERS)
			// MFA on privileged access: system owners read and close their exception
			// tasks (the domain checks the owner); the page, its reports and the API are
			// read by leads, auditors and admins, and read now by leads and admins.
			.requestMatchers(paths("/mfa/exceptions", "/mfa/exceptions/**"))
			.access(readOnlyForAuditors())
			.requestMatchers(reads("/mfa", "/mfa/**", "/api/mfa", "/api/mfa/**"))
			.hasAnyRole(READERS)
			.requestMatchers(paths("/mfa", "/mfa/**", "/api/mfa", "/api/mfa/**"))
			.hasAnyRole(WRITERS)
			// The certificate watch: read by leads, auditors and admins; certificates
			// added and exports (kept as evidence) by leads and admins.
			.requestMatchers(reads("/certificates", "/certificates/**"))
			.hasAnyRole(READERS)
			.requestMatchers(paths("/certificates", "/certificates/**"))
			.hasAnyRole(WRITERS)
			// Administration (API tokens): admins only.
			.requestMatchers(paths("/admin/**"))
			.hasRole(Role.ADMIN.roleName())
			// The outbox: every logged-in person reads it (the page shows only their own
			// messages unless
			// they are a compliance lead or admin); only leads and admins queue a message
			// again.
			.requestMatchers(posts("/outbox/*/send-again"))
			.hasAnyRole(WRITERS)
			.requestMatchers(reads("/outbox", "/outbox/**"))
			.authenticated()
			.requestMatchers(paths("/outbox", "/outbox/**"))
			.denyAll()
			// Audits: read by leads, admins and auditors (an auditor sees only the audits
			// assigned to them, which the audit pages check); created and edited by leads
			// and admins. In an audit, flagging an evidence item is the auditor's one
			// write, answering a flag the lead's.
			.requestMatchers(posts("/audits/*/evidence/*/flag"))
			.hasRole(Role.AUDITOR.roleName())
			.requestMatchers(posts("/audits/*/evidence/*/answer"))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			.requestMatchers(reads(AUDIT_PATHS))
			.hasAnyRole(READERS)
			.requestMatchers(paths(AUDIT_PATHS))
			.hasAnyRole(WRITERS)
			// Controls and evidence items: read by leads, auditors and admins;
			// narratives,
			// evidenced periods, approvals and answers to flags are the compliance
			// lead's;
			// flagging an evidence item is the auditor's one write, and only on evidence
			// inside an audit assigned to them (the audits check it per item and refuse
			// the rest with a RefusedAction, recorded like any refusal). An auditor with
			// no audit still reads the read-only records, every period.
			// Evidence packs: leads, auditors and admins download and verify them
			// (verifying reads a pack, so the auditor's upload is no write).
			.requestMatchers(paths(EVIDENCE_PACKS))
			.hasAnyRole(READERS)
			.requestMatchers(posts("/api/evidence-items/*/flag"))
			.hasRole(Role.AUDITOR.roleName())
			.requestMatchers(reads(CONTROL_PATHS))
			.hasAnyRole(READERS)
			.requestMatchers(paths(CONTROL_PATHS))
			.hasRole(Role.COMPLIANCE_LEAD.roleName())
			.anyRequest()
			.access(readOnlyForAuditors());
	}

	/** Reads need a login; writes need a login that is not the auditor's. */
	static AuthorizationManager<RequestAuthorizationContext> readOnlyForAuditors() {
		AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
		return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
			Authentication current = authentication.get();
			boolean loggedIn = trust.isAuthenticated(current);
			if (!loggedIn) {
				return new AuthorizationDecision(false);
			}
			return new AuthorizationDecision(isRead(context.getRequest()) || !Role.AUDITOR.isHeldBy(current));
		};
	}

	static boolean isRead(HttpServletRequest request) {
		String method = request.getMethod();
		return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method);
	}

	private static RequestMatcher paths(String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new));
	}

	private static RequestMatcher posts(String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns)
			.map(pattern -> PATHS.matcher(HttpMethod.POST, pattern))
			.toArray(RequestMatcher[]::new));
	}

	private static RequestMatcher writes(String... patterns) {
		RequestMatcher any = paths(patterns);
		return request -> !isRead(request) && any.matches(request);
	}

	private static RequestMatcher reads(String... patterns) {
		RequestMatcher any = paths(patterns);
		return request -> isRead(request) && any.matches(request);
	}

	private static boolean carriesBearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	private static String loginPage(SecuritySettings settings) {
		return settings.login() == Login.OIDC ? "/oauth2/authorization/keycloak" : "/login";
	}

	/** scheme://host:port of Keycloak, from the client registration's issuer. */
	static String identityProviderOrigin(ClientRegistrationRepository registrations) {
		URI issuer = URI.create(registrations.findByRegistrationId("keycloak").getProviderDetails().getIssuerUri());
		return issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
	}

	private static OidcClientInitiatedLogoutSuccessHandler keycloakLogout(ClientRegistrationRepository registrations) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		return handler;
	}

}
