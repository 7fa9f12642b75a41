package io.trunkguard.deprovisioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.deprovisioning.LocalSignInPort;

/**
 * A leaver's browser session (local login, the embedded default) ends on its very next
 * request once the case has disabled the local account, instead of staying valid until it
 * times out.
 */
@EmbeddedDefaultTest
class LeaverSessionIntegrationTest {

	private static final String LEAVER = "leaver-session-test";

	private static final String PASSWORD = "leaver-session-pw-7";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	LocalSignInPort localSignIns;

	@BeforeEach
	void createAccount() {
		jdbc.update(
				"insert into local_account (username, role, password_hash, created_at, password_changed_at) "
						+ "values (?, 'reviewer', ?, current_timestamp, current_timestamp)",
				LEAVER, encoder.encode(PASSWORD));
	}

	@AfterEach
	void removeAccount() {
		jdbc.update("delete from local_account where username = ?", LEAVER);
	}

	@Test
	void endsTheOpenSessionOfALocalAccountOnItsNextRequestAfterTheCaseDisabledIt() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(LEAVER).password(PASSWORD))
			.andExpect(authenticated().withUsername(LEAVER))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/deprovisioning/tasks").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/me").session(session)).andExpect(status().is2xxSuccessful());

		int endedBefore = sessionsEnded();
		assertThat(localSignIns.disable(LEAVER, "left the company")).isTrue();

		mvc.perform(get("/deprovisioning/tasks").session(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("**/login"))
			.andExpect(unauthenticated());
		assertThat(session.isInvalid()).isTrue();
		assertThat(sessionsEnded()).isEqualTo(endedBefore + 1);
		// and logging in again is refused
		mvc.perform(formLogin("/login").user(LEAVER).password(PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void endsAnApiCallOfTheDisabledAccountWithA401() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(LEAVER).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);

		localSignIns.disable(LEAVER, "left the company");

		mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void keepsTheSessionOfAnAccountThatIsStillEnabled() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(LEAVER).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);

		assertThat(localSignIns.disable("nobody-with-that-name", "left")).isFalse();

		mvc.perform(get("/deprovisioning/tasks").session(session))
			.andExpect(status().isOk())
			.andExpect(authenticated());
	}

	private int sessionsEnded() {
		return jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'ENDED_LOGIN_REFUSED' and subject_id = ?",
				Integer.class, LEAVER);
	}

}
