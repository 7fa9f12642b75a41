package io.trunkguard.security;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.StepKind;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13's lockout: a lead's roster upload ended the only admin's employment and
 * disabled that login for good. Now the disabling of a privileged login waits for a
 * second approver (never the person, never who started it), and a disabled local account
 * comes back through the admin's page or the recovery command, each audited.
 */
@EmbeddedDefaultTest
class PrivilegedLeaverIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PersonService people;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	LocalAccountDirectory accounts;

	@Autowired
	AccountRecovery recovery;

	@Autowired
	AuditEntries audit;

	@Autowired
	ConfigurableApplicationContext context;

	String login;

	@BeforeEach
	void createPrivilegedAccount() {
		login = "adm-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update(
				"insert into local_account (username, role, password_hash, created_at, password_changed_at) "
						+ "values (?, 'admin', ?, current_timestamp, current_timestamp)",
				login, encoder.encode("privileged-leaver-pw-7"));
	}

	@AfterEach
	void removeAccount() {
		jdbc.update("delete from local_account where username = ?", login);
	}

	DeprovisioningCaseId terminate(String startedBy) {
		String hr = "PL-" + UUID.randomUUID().toString().substring(0, 8);
		people.register(new PersonDetails(hr, "Ada Admin", hr.toLowerCase() + "@example.test", login, null, "IT",
				EmploymentType.EMPLOYEE, LocalDate.of(2022, 1, 3), null), "tester");
		DeprovisioningCaseId id = deprovisioning
			.receiveTermination(new TerminationNotice("roster:" + hr + ":absent", hr,
					Instant.now().truncatedTo(ChronoUnit.SECONDS), TerminationSource.ROSTER_CSV, startedBy))
			.caseId();
		deprovisioning.disableAccount(id);
		return id;
	}

	@Test
	void holdsTheDisablingOfAnAdminLoginUntilASecondPersonApprovesIt() throws Exception {
		DeprovisioningCaseId id = terminate("user:lead-who-uploaded");

		assertThat(accounts.isDisabled(login)).as("held, not disabled").isFalse();
		assertThat(deprovisioning.get(id).isAccountDisableHeld()).isTrue();

		mvc.perform(post("/deprovisioning/" + id + "/approve-disable")
			.with(user("lead-who-uploaded").roles("compliance-lead"))
			.with(csrf())).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("started")));
		// the leaver themself: their login has ended (they have left), so the request is
		// refused before it reaches the approval
		mvc.perform(post("/deprovisioning/" + id + "/approve-disable").with(user(login).roles("admin")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Your access has ended")));
		mvc.perform(post("/deprovisioning/" + id + "/approve-disable").with(user("reviewer").roles("reviewer"))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(accounts.isDisabled(login)).isFalse();

		mvc.perform(post("/deprovisioning/" + id + "/approve-disable").with(user("admin").roles("admin")).with(csrf()))
			.andExpect(flash().attributeExists("message"));

		assertThat(accounts.isDisabled(login)).isTrue();
		assertThat(deprovisioning.get(id).getSteps())
			.anyMatch(s -> s.getKind() == StepKind.ACCOUNT_DISABLED && s.getDoneBy().equals("admin"));
	}

	@Test
	void anAdminEnablesADisabledLocalAccountAgainOnTheirPageAudited() throws Exception {
		accounts.disable(login, "deprovisioning case by mistake");

		mvc.perform(post("/admin/accounts/" + login + "/enable").with(user("compliance-lead").roles("compliance-lead"))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(accounts.isDisabled(login)).isTrue();

		mvc.perform(post("/admin/accounts/" + login + "/enable").with(user("admin").roles("admin")).with(csrf()))
			.andExpect(flash().attribute("message", "The local account " + login + " can sign in again."));

		assertThat(accounts.isDisabled(login)).isFalse();
		assertThat(audit.search("admin", "ACCOUNT_ENABLED", "LocalAccount", login, null, null, Pageable.ofSize(5)))
			.singleElement()
			.satisfies(e -> assertThat(e.getDetails()).contains("admin page"));
	}

	@Test
	void theRecoveryCommandEnablesTheNamedAccountAudited() throws Exception {
		accounts.disable(login, "locked out");
		MockEnvironment environment = new MockEnvironment().withProperty("trunkguard.account.enable", login)
			.withProperty("trunkguard.account.exit", "false");

		new AccountRecoveryCommand(recovery, environment, context).run(new DefaultApplicationArguments());

		assertThat(accounts.isDisabled(login)).isFalse();
		assertThat(audit.search(AccountRecoveryCommand.ACTOR, "ACCOUNT_ENABLED", "LocalAccount", login, null, null,
				Pageable.ofSize(5)))
			.hasSize(1);
		assertThat(recovery.enable("no-such-login", "admin", "admin page").message())
			.isEqualTo("There is no local account no-such-login.");
	}

}
