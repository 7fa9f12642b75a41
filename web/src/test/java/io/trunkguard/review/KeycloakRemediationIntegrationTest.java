package io.trunkguard.review;

import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.testsupport.KeycloakAdminApplicationTest;
import io.trunkguard.testsupport.KeycloakServer;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remediation of access review decisions against the test suite's real Keycloak, through
 * the application's own {@link RemediationPort} (the Keycloak adapter, on because
 * {@code trunkguard.keycloak.url} is set): a revocation and a reduction decided and
 * submitted in a campaign end with the realm roles really changed, read back with a
 * separate admin client; running the remediation again changes nothing. Shares the
 * Keycloak-backed context with the deprovisioning test.
 */
class KeycloakRemediationIntegrationTest extends KeycloakAdminApplicationTest {

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);
	static final String HOLDER = "holder-" + RUN;

	static Keycloak admin;

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewDecisionService decisions;

	@Autowired
	RemediationService remediation;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	List<RemediationPort> ports;

	@BeforeAll
	static void createHolderWithTwoRealmRoles() {
		admin = KeycloakBuilder.builder()
			.serverUrl(keycloak.baseUrl())
			.realm(KeycloakServer.REALM)
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(KeycloakServer.ADMIN_CLIENT_ID)
			.clientSecret(KeycloakServer.ADMIN_CLIENT_SECRET)
			.build();
		UserRepresentation user = new UserRepresentation();
		user.setUsername(HOLDER);
		user.setEnabled(true);
		user.setEmail(HOLDER + "@example.test");
		user.setFirstName("Hal");
		user.setLastName("Holder");
		try (Response created = realm().users().create(user)) {
			assertThat(created.getStatus()).as("create the holder in Keycloak").isEqualTo(201);
		}
		List<RoleRepresentation> roles = holder().roles()
			.realmLevel()
			.listAvailable()
			.stream()
			.filter(r -> r.getName().equals("auditor") || r.getName().equals("compliance-lead"))
			.toList();
		assertThat(roles).hasSize(2);
		holder().roles().realmLevel().add(roles);
	}

	@AfterAll
	static void closeAdminClient() {
		if (admin != null) {
			admin.close();
		}
	}

	static RealmResource realm() {
		return admin.realm(KeycloakServer.REALM);
	}

	static UserResource holder() {
		return realm().users().get(realm().users().searchByUsername(HOLDER, true).get(0).getId());
	}

	static List<String> realmRolesOfHolder() {
		return holder().roles().realmLevel().listAll().stream().map(RoleRepresentation::getName).toList();
	}

	@Test
	void revocationAndReductionDecidedInACampaignChangeTheRealmRolesAndASecondRunIsANoOp() {
		Person holder = people.register(new PersonDetails("HR-" + HOLDER, "Hal Holder", HOLDER + "@example.test",
				HOLDER, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2021, 3, 1), null), "tester");
		Person owner = people
			.register(
					new PersonDetails("HR-OWNER-" + RUN, "Olive Owner", "owner-" + RUN + "@example.test",
							"owner-" + RUN, null, "IT", EmploymentType.EMPLOYEE, LocalDate.of(2019, 1, 1), null),
					"tester");
		AccessSystem idp = access.registerSystem(new SystemDetails("Keycloak SSO " + RUN, SystemKind.IDENTITY_PROVIDER,
				null, owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		var auditorGrant = access.issueGrant(new NewGrant(holder.getId(), idp.getId(), "auditor", false), "tester");
		var leadGrant = access.issueGrant(new NewGrant(holder.getId(), idp.getId(), "compliance-lead", true), "tester");
		assertThat(realmRolesOfHolder()).contains("auditor", "compliance-lead").doesNotContain("reviewer");

		ReviewCampaign campaign = lifecycle.start("Keycloak remediation " + RUN,
				Instant.now().plus(14, ChronoUnit.DAYS), UnansweredRule.CARRY_OVER, "tests share one database",
				"compliance-lead");
		List<ReviewItem> items = queries.itemsOf(campaign.getId(), owner.getUsername(), PageRequest.of(0, 10))
			.getContent();
		ReviewItem revoke = items.stream()
			.filter(i -> i.getGrantId().equals(auditorGrant.getId()))
			.findFirst()
			.orElseThrow();
		ReviewItem reduce = items.stream()
			.filter(i -> i.getGrantId().equals(leadGrant.getId()))
			.findFirst()
			.orElseThrow();
		decisions.decide(List.of(revoke.getId()), Decision.REVOKE, null, "Left the audit team in October.",
				owner.getUsername());
		decisions.decide(List.of(reduce.getId()), Decision.REDUCE, "reviewer", "Reviews only, no campaign runs.",
				owner.getUsername());
		// the owner submits: the Keycloak connector removes the roles at once, not at
		// the campaign's close weeks later
		decisions.submit(campaign.getId(), owner.getUsername());

		ReviewItem revoked = queries.item(revoke.getId());
		ReviewItem reduced = queries.item(reduce.getId());
		assertThat(revoked.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(reduced.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(remediation.automaticRemediations()).extracting(ReviewItem::getId)
			.doesNotContain(revoke.getId(), reduce.getId());
		// what the process's "Remove the role in Keycloak and verify" step calls at close
		// is then a no-op
		assertThat(remediation.remediateAutomatically(revoke.getId()).getRemediationNote())
			.isEqualTo(revoked.getRemediationNote());

		assertThat(realmRolesOfHolder()).contains("reviewer").doesNotContain("auditor", "compliance-lead");
		assertThat(revoked.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(revoked.getRemediationNote()).contains("user " + HOLDER)
			.contains("realm role auditor removed")
			.contains("read back");
		assertThat(reduced.getRemediationNote()).contains("realm role compliance-lead removed")
			.contains("realm role reviewer added");
		assertThat(access.getGrant(auditorGrant.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(access.getGrant(leadGrant.getId()).getEntitlement()).isEqualTo("reviewer");
		assertThat(remediation.pendingRemediations(campaign.getId())).doesNotContain(revoke.getId(), reduce.getId());

		// again: the domain returns the settled items as they are, and the connector
		// itself finds nothing to change
		assertThat(remediation.remediateAutomatically(revoke.getId()).getRemediationNote())
			.isEqualTo(revoked.getRemediationNote());
		RemediationPort keycloakPort = ports.stream()
			.filter(p -> p.supports(ConnectorType.KEYCLOAK))
			.findFirst()
			.orElseThrow();
		RemediationResult again = keycloakPort.remediate(remediation.remediationOf(revoke.getId()));
		RemediationResult reducedAgain = keycloakPort.remediate(remediation.remediationOf(reduce.getId()));
		assertThat(again.verified()).isTrue();
		assertThat(again.proof()).contains("realm role auditor already absent");
		assertThat(reducedAgain.proof()).contains("realm role compliance-lead already absent")
			.contains("realm role reviewer already held");
		assertThat(realmRolesOfHolder()).contains("reviewer").doesNotContain("auditor", "compliance-lead");
	}

	@Test
	void aUserMissingInKeycloakHasNoRoleToRemove() {
		RemediationPort keycloakPort = ports.stream()
			.filter(p -> p.supports(ConnectorType.KEYCLOAK))
			.findFirst()
			.orElseThrow();
		RemediationResult result = keycloakPort.remediate(new RemediationRequest(ReviewItemId.random(),
				CampaignId.random(), io.trunkguard.access.GrantId.random(), io.trunkguard.people.PersonId.random(),
				"nobody-" + RUN, io.trunkguard.access.SystemId.random(), "Keycloak SSO", ConnectorType.KEYCLOAK,
				"auditor", Decision.REVOKE, null, "owner"));
		assertThat(result.verified()).isTrue();
		assertThat(result.proof()).contains("has no user nobody-" + RUN);
	}

}
