package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;

/**
 * CSRF on forms and session-cookie API calls, the security headers, and session fixation
 * protection.
 */
@EmbeddedDefaultTest
class WebSecurityIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@LocalServerPort
	int port;

	@Autowired
	FilterChainProxy filterChains;

	@Test
	void refusesAFormPostWithoutCsrfToken() throws Exception {
		String id = people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId().toString();
		mvc.perform(post("/people/" + id + "/leave").param("lastDay", "2026-01-01").with(user("admin").roles("admin")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/people/" + id + "/leave").param("lastDay", "2026-01-01")
			.with(user("admin").roles("admin"))
			.with(csrf().useInvalidToken())).andExpect(status().isForbidden());
		assertThat(people.get(io.trunkguard.people.PersonId.of(id)).isActive()).isTrue();
	}

	@Test
	void refusesASessionCookieApiWriteWithoutCsrfToken() throws Exception {
		mvc.perform(post("/api/people").contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void sendsTheSecurityHeadersOnPages() throws Exception {
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
			.doesNotContain("unsafe-inline");
		// issue 13: the CSP allowed framing by the same origin while X-Frame-Options
		// denied it; both now say "never"
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
			.doesNotContain("frame-ancestors 'self'");
	}

	@Test
	void letsCamundaFrameItsOwnPagesButNoOneElse() throws Exception {
		mvc.perform(get("/camunda/app/cockpit/default/").with(user("admin").roles("admin")))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
	}

	@Test
	void sendsNoHstsOverPlainHttp() throws Exception {
		mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void givesANewSessionIdOnLogin() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		String page = client.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String before = sessionId(cookies);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		assertThat(before).isNotNull();

		client.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
					+ URLEncoder.encode(EmbeddedDefaultTest.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
	}

	/**
	 * Issue 13: a Camunda webapp request without its CSRF header made Camunda invalidate
	 * the session, i.e. logged the admin out of Trunkguard. It is now refused (403,
	 * audited) before Camunda sees it, and the session lives on; with the header the
	 * request reaches Camunda.
	 */
	@Test
	void aCamundaRequestWithoutItsCsrfHeaderIsRefusedWithoutEndingTheSession() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient admin = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String page = admin.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		admin.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
					+ URLEncoder.encode(EmbeddedDefaultTest.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(admin
			.send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(200);
		String sessionBefore = sessionId(cookies);

		HttpResponse<String> forged = admin
			.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/message"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"messageName\":\"nothing\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> home = admin.send(HttpRequest.newBuilder(url("/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).as("still logged in").isEqualTo(200);
		assertThat(sessionId(cookies)).isEqualTo(sessionBefore);

		String camundaToken = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> genuine = admin
			.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/message"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", camundaToken)
				.POST(HttpRequest.BodyPublishers.ofString("{\"messageName\":\"nothing\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(genuine.statusCode()).as(genuine.body()).isNotEqualTo(403).isNotEqualTo(401);
	}

	private static String sessionId(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	@Test
	void writesTheSecurityHeadersBeforeAStreamedBodyCanCommitTheResponse() {
		// a streamed download commits its response on another thread; headers written at
		// commit would then be written by two threads at once (spring-security#9175)
		// every chain of browsers and engine clients (the HR machine endpoints, stateless
		// and without CSRF, answer synchronously)
		List<SecurityFilterChain> sessionChains = filterChains.getFilterChains()
			.stream()
			.filter(chain -> chain.getFilters().stream().anyMatch(CsrfFilter.class::isInstance))
			.toList();
		assertThat(sessionChains).hasSizeGreaterThanOrEqualTo(2);
		for (SecurityFilterChain chain : sessionChains) {
			HeaderWriterFilter headers = chain.getFilters()
				.stream()
				.filter(HeaderWriterFilter.class::isInstance)
				.map(HeaderWriterFilter.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(ReflectionTestUtils.getField(headers, "shouldWriteHeadersEagerly")).as(chain.toString())
				.isEqualTo(true);
		}
	}

}
