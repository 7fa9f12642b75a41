package io.trunkguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;

/**
 * Local accounts: BCrypt hashes only, passwords from the environment win, others
 * generated and shown once.
 */
@EmbeddedDefaultTest
@ExtendWith(OutputCaptureExtension.class)
class LocalAccountsIntegrationTest {

	private static final Pattern GENERATED = Pattern
		.compile("Local account 'reviewer' created with the generated password: (\\S+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LocalAccountsInitializer initializer;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditEntries audit;

	@Test
	void storesOnlyBcryptHashesOfTheFourAccountsAndTheDemoPeoplesLogins() {
		// the four role accounts, and (demo data on) reviewer logins for the demo people
		// review items are routed to
		assertThat(jdbc.queryForList("select username from local_account order by username", String.class))
			.containsExactly("admin", "auditor", "compliance-lead", "ingrid.solberg", "kenji.watanabe", "laura.mendez",
					"margaret.okafor", "reviewer");
		assertThat(jdbc.queryForList("select role from local_account where username like '%.%'", String.class))
			.containsOnly("reviewer");
		assertThat(jdbc.queryForList("select password_hash from local_account", String.class))
			.allSatisfy(hash -> assertThat(hash).startsWith("$2a$").doesNotContain("test-pw"));
		assertThat(
				jdbc.queryForObject("select role from local_account where username = 'compliance-lead'", String.class))
			.isEqualTo("compliance-lead");
	}

	@Test
	void generatesAPasswordWhenNoneIsConfiguredAndPrintsItOnlyWhenCreatingTheAccount(CapturedOutput output)
			throws Exception {
		jdbc.update("delete from local_account where username = 'reviewer'");
		int start = output.getAll().length();

		initializer.afterSingletonsInstantiated();

		Matcher generated = GENERATED.matcher(output.getAll().substring(start));
		assertThat(generated.find()).as("the generated password is printed").isTrue();
		String password = generated.group(1);
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		mvc.perform(formLogin("/login").user("reviewer").password(password))
			.andExpect(authenticated().withRoles("reviewer"));

		int restart = output.getAll().length();
		initializer.afterSingletonsInstantiated();
		assertThat(GENERATED.matcher(output.getAll().substring(restart)).find()).as("printed once, not on every start")
			.isFalse();
		assertThat(audit
			.search("system:local-accounts", "LOCAL_ACCOUNT_CREATED", "LocalAccount", "reviewer", null, null,
					PageRequest.of(0, 10))
			.getTotalElements()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void takesThePasswordFromTheEnvironmentAgainWhenTheStoredOneDiffers() throws Exception {
		jdbc.update("update local_account set password_hash = ? where username = 'auditor'",
				encoder.encode("old-password"));
		mvc.perform(formLogin("/login").user("auditor").password(EmbeddedDefaultTest.AUDITOR_PASSWORD))
			.andExpect(unauthenticated());

		initializer.afterSingletonsInstantiated();

		mvc.perform(formLogin("/login").user("auditor").password(EmbeddedDefaultTest.AUDITOR_PASSWORD))
			.andExpect(authenticated().withRoles("auditor"));
		mvc.perform(formLogin("/login").user("auditor").password("old-password")).andExpect(unauthenticated());
		assertThat(audit
			.search("system:local-accounts", "LOCAL_ACCOUNT_PASSWORD_SET", "LocalAccount", "auditor", null, null,
					PageRequest.of(0, 1))
			.getTotalElements()).isPositive();
	}

}
