package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.testsupport.RemoteAddresses;

/**
 * Issue 13: 60 wrong passwords in 9 seconds, then the right one was accepted, and every
 * failure wrote its own audit entry in the name that was typed. Now sign-in pauses after
 * a few failures (the right password included), the page says so without telling whether
 * the account exists, and the trail gets the first failure and the first refusal from the
 * address, with the rest counted.
 */
@EmbeddedDefaultTest
class LoginAbuseIntegrationTest {

	private final String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String PASSWORD = "the-right-password-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	UnauthenticatedRefusals refusals;

	@BeforeEach
	void createAccount() {
		jdbc.update(
				"insert into local_account (username, role, password_hash, created_at, password_changed_at) "
						+ "values (?, 'reviewer', ?, current_timestamp, current_timestamp)",
				username, encoder.encode(PASSWORD));
	}

	@AfterEach
	void removeAccount() {
		jdbc.update("delete from local_account where username = ?", username);
	}

	@Test
	void pausesSignInAfterRepeatedFailuresEvenForTheRightPasswordAndCountsTheRepeats() throws Exception {
		String attacker = RemoteAddresses.fresh();
		int failedBefore = entries("LOGIN_FAILED", attacker);

		for (int i = 0; i < 60; i++) {
			String target = login(username, "guess-" + i, attacker);
			assertThat(target).isIn("/login?error", "/login?paused");
		}
		assertThat(entries("LOGIN_FAILED", attacker)).as("the first failure from the address, at once")
			.isEqualTo(failedBefore + 1);
		assertThat(entries("LOGIN_THROTTLED", attacker)).as("the first paused attempt, at once").isEqualTo(1);

		assertThat(login(username, PASSWORD, attacker)).isEqualTo("/login?paused");
		// from another address too: the account is throttled, not only the address
		assertThat(login(username, PASSWORD, RemoteAddresses.fresh())).isEqualTo("/login?paused");

		String page = mvc.perform(get("/login").param("paused", "")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Too many failed attempts: sign-in is paused for a while.");

		refusals.flushAll();
		List<String> throttled = jdbc.queryForList(
				"select details from audit_entry where action = 'LOGIN_THROTTLED' and details like ? order by sequence",
				String.class, "%\"" + attacker + "\"%");
		assertThat(throttled).hasSize(2);
		assertThat(throttled.get(0)).contains("\"typedName\":\"" + username + "\"");
		assertThat(throttled.get(1)).containsPattern("\"repeated\":[1-9][0-9]*");
		assertThat(jdbc.queryForList(
				"select actor from audit_entry where action in ('LOGIN_FAILED', 'LOGIN_THROTTLED')", String.class))
			.containsOnly("anonymous");
	}

	@Test
	void saysTheSameForANameThatDoesNotExist() throws Exception {
		String address = RemoteAddresses.fresh();
		String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			assertThat(login(nobody, "guess", address)).isEqualTo("/login?error");
		}
		assertThat(login(nobody, "guess", address)).isEqualTo("/login?paused");
	}

	@Test
	void namesTheLocalAccountsOnTheLoginPageInDemoMode() throws Exception {
		assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
			.contains("id=\"demo-accounts\"");
	}

	private String login(String name, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", name).param("password", password).with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn().getResponse().getRedirectedUrl();
	}

	private int entries(String action, String address) {
		return jdbc.queryForObject("select count(*) from audit_entry where action = ? and details like ?",
				Integer.class, action, "%\"" + address + "\"%");
	}

}
