package io.trunkguard.web;

import io.trunkguard.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Sends a malformed id to every path variable of every mapping the application has, as a
 * role that may use it: nothing answers 5xx, and a path variable of an id type answers
 * 400 with a problem detail. An id is never taken as a {@code String} and parsed by hand
 * (those answered 404 for garbage), except the ids that are not ours to parse (see
 * {@link #OPAQUE_IDS}). Also the inbox's {@code system} parameter (issue 13: it answered
 * 500).
 */
@EmbeddedDefaultTest
class MalformedIdsIntegrationTest {

	static final String MALFORMED = "not-an-id";

	// the auditor last: their one write (flagging an evidence item) is theirs alone
	static final List<String> ROLES = List.of("admin", "compliance-lead", "reviewer", "auditor");

	/**
	 * Ids whose form another component decides: the engine's task ids and the analyzer's
	 * leg ids (a wrong one answers 404).
	 */
	static final Set<String> OPAQUE_IDS = Set.of("taskId", "legId");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyMappingAnswersAMalformedIdWithoutAServerErrorAndIdTypesWith400() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!pattern.contains("{") || pattern.startsWith("/hr/") || pattern.startsWith("/scim/")) {
					continue;
				}
				boolean idTyped = false;
				for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
					if (!parameter.hasParameterAnnotation(PathVariable.class)) {
						continue;
					}
					if (parameter.getParameterType() != String.class) {
						idTyped = true;
					}
					else if (isIdName(variableName(parameter)) && !OPAQUE_IDS.contains(variableName(parameter))) {
						failures
							.add(pattern + ": the id " + variableName(parameter) + " is parsed by hand from a String");
					}
				}
				String path = pattern.replaceAll("\\{[^}]+}", MALFORMED).replace("/**", "/x");
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					MockHttpServletResponse response = asPermittedRole(HttpMethod.valueOf(method.name()), path);
					checked++;
					int status = response.getStatus();
					if (status >= 500) {
						failures.add(method + " " + path + " -> " + status);
					}
					else if (idTyped && status != 400) {
						failures.add(method + " " + path + " -> " + status + " (expected 400)");
					}
					else if (idTyped
							&& !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
						failures.add(method + " " + path + " -> 400 without a problem detail");
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(40);
		assertThat(failures).isEmpty();
	}

	@Test
	void theInboxAnswersAMalformedSystemParameterWith400() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(request(HttpMethod.GET, "/reviews/00000000-0000-4000-8000-000000000000/inbox?system=abc")
				.with(user("compliance-lead").roles("compliance-lead")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("system is not a system id: abc");
	}

	private static String variableName(MethodParameter parameter) {
		parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
		String name = parameter.getParameterAnnotation(PathVariable.class).value();
		return name.isEmpty() ? parameter.getParameterName() : name;
	}

	private static boolean isIdName(String name) {
		return name.equals("id") || name.endsWith("Id");
	}

	/** The first role the security rules let in (403 means the role may not). */
	private MockHttpServletResponse asPermittedRole(HttpMethod method, String path) throws Exception {
		MockHttpServletResponse response = null;
		for (String role : ROLES) {
			MockHttpServletRequestBuilder request = request(method, path).with(user(role).roles(role));
			if (method != HttpMethod.GET) {
				request.with(csrf());
			}
			response = mvc.perform(request).andReturn().getResponse();
			if (response.getStatus() != 403) {
				return response;
			}
		}
		return response;
	}

}
