package io.trunkguard.review.integration;

import io.trunkguard.access.integration.keycloak.KeycloakLoginAccounts;
import io.trunkguard.access.integration.keycloak.KeycloakUsers;
import io.trunkguard.review.ReviewerEligibility;
import io.trunkguard.testsupport.KeycloakAdminApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewer eligibility read from the test suite's real Keycloak through the admin API
 * (the service account of the shared Keycloak-backed context): the realm's reviewer,
 * compliance lead and admin may decide review items; the auditor, a user without a
 * deciding role and someone the realm does not know may not, each with a sentence saying
 * why. The check is on only when people log in through Keycloak; with local logins the
 * local accounts decide.
 */
class KeycloakReviewerEligibilityIntegrationTest extends KeycloakAdminApplicationTest {

	@Autowired
	KeycloakUsers users;

	@Autowired
	ObjectProvider<Clock> clock;

	@Autowired
	ApplicationContext context;

	@Test
	void letsTheRealmsDecidingRolesDecideAndRefusesTheAuditorAndStrangers() {
		KeycloakReviewerEligibility eligibility = new KeycloakReviewerEligibility(
				new KeycloakLoginAccounts(users, clock));

		assertThat(eligibility.refusal("reviewer")).isEmpty();
		assertThat(eligibility.refusal("compliance-lead")).isEmpty();
		assertThat(eligibility.refusal("admin")).isEmpty();
		assertThat(eligibility.refusal("margaret.okafor")).isEmpty();
		assertThat(eligibility.refusal("auditor"))
			.hasValue("auditor is an auditor: auditors read campaigns but never decide review items.");
		assertThat(eligibility.refusal("nobody-in-the-realm")).hasValueSatisfying(
				why -> assertThat(why).startsWith("nobody-in-the-realm has no account in the Keycloak realm trunkguard")
					.endsWith("."));
		// asked again within the cache time: the same answer
		assertThat(eligibility.refusal("auditor")).isPresent();
	}

	@Test
	void isOnlyUsedWhenPeopleLogInThroughKeycloak() {
		// this context logs in with local accounts: one eligibility, not Keycloak's
		assertThat(context.getBeansOfType(ReviewerEligibility.class)).hasSize(1)
			.allSatisfy((name, bean) -> assertThat(bean).isNotInstanceOf(KeycloakReviewerEligibility.class));
		ApplicationContextRunner runner = new ApplicationContextRunner().withBean(KeycloakUsers.class, () -> users)
			.withUserConfiguration(KeycloakLoginAccounts.class, KeycloakReviewerEligibility.class);
		runner.withPropertyValues("trunkguard.security.login=oidc", "trunkguard.keycloak.url=" + keycloak.baseUrl())
			.run(oidc -> assertThat(oidc).hasSingleBean(KeycloakReviewerEligibility.class));
		runner.withPropertyValues("trunkguard.security.login=oidc")
			.run(withoutAdminApi -> assertThat(withoutAdminApi).doesNotHaveBean(KeycloakReviewerEligibility.class));
		runner.withPropertyValues("trunkguard.keycloak.url=" + keycloak.baseUrl())
			.run(local -> assertThat(local).doesNotHaveBean(KeycloakReviewerEligibility.class));
	}

}
