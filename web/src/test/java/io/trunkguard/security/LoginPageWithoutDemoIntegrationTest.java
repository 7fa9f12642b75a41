package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.testsupport.KeycloakAdminApplicationTest;

/**
 * Issue 13: the login page listed the four local account names to anyone. Without demo
 * data (this context: {@code trunkguard.demo.enabled=false}, local login) it names none.
 */
class LoginPageWithoutDemoIntegrationTest extends KeycloakAdminApplicationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void namesNoAccountsOutsideDemoMode() throws Exception {
		String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("id=\"login-submit\"")
			.doesNotContain("demo-accounts")
			.doesNotContain("<code>compliance-lead</code>");
	}

}
