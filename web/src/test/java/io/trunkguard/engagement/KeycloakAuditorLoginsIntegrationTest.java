package io.trunkguard.engagement;

import io.trunkguard.access.integration.keycloak.KeycloakLoginAccounts;
import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.testsupport.KeycloakAdminApplicationTest;
import io.trunkguard.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Auditors assigned to an audit when people log in through Keycloak: each login is read
 * from the test suite's real Keycloak through the admin API
 * ({@link KeycloakLoginAccounts}, the same lookup reviewer eligibility uses). The realm's
 * auditor is taken; a login the realm does not know, a disabled auditor and a reviewer
 * are refused, each named with why.
 */
class KeycloakAuditorLoginsIntegrationTest extends KeycloakAdminApplicationTest {

	@Autowired
	KeycloakUsers users;

	@Autowired
	Keycloak adminClient;

	@Autowired
	ObjectProvider<Clock> clock;

	@Test
	void assignsTheRealmsAuditorAndNamesEveryOtherLogin() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String gone = "auditor-gone-" + run;
		UserRepresentation user = new UserRepresentation();
		user.setUsername(gone);
		user.setEnabled(true);
		adminClient.realm(KeycloakServer.REALM).users().create(user).close();
		users.addRealmRole(gone, "auditor");
		users.disableUser(gone);
		KeycloakLoginAccounts accounts = new KeycloakLoginAccounts(users, clock);

		AuditDraft checked = DefaultAuditEngagementService.check(new AuditDraft("FY " + run, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), List.of("CC6.7"), List.of("auditor")), accounts);
		assertThat(checked.auditors()).containsExactly("auditor");

		assertThatThrownBy(() -> DefaultAuditEngagementService
			.check(new AuditDraft("FY " + run, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("CC6.7"),
					List.of("auditor", "nobody-" + run, gone, "reviewer")), accounts))
			.isInstanceOfSatisfying(InvalidInputException.class, refused -> {
				assertThat(refused.fieldErrors()).containsOnlyKeys("auditors");
				assertThat(refused.getMessage()).isEqualTo("“nobody-" + run
						+ "” has no login in the Keycloak realm trunkguard, so they could never open the audit; "
						+ "the login “" + gone + "” is disabled in the Keycloak realm trunkguard, so they could "
						+ "not open the audit; “reviewer” holds the role reviewer in the Keycloak realm trunkguard, "
						+ "not the auditor's: only auditors are assigned to an audit");
			});
	}

}
