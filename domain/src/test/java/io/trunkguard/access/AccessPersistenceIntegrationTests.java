package io.trunkguard.access;

import io.trunkguard.ModuleListenerProbe;
import io.trunkguard.TestData;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Systems and grants against a real database; run on H2 and PostgreSQL by the subclasses.
 */
abstract class AccessPersistenceIntegrationTests {

	@Autowired
	AccessService access;

	@Autowired
	PersonService personService;

	@Autowired
	Grants grants;

	@Autowired
	AuditEntries auditEntries;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ModuleListenerProbe moduleListener;

	Person owner;

	Person holder;

	AccessSystem system;

	@BeforeEach
	void setUp() {
		owner = personService.register(TestData.employee("Olivia Owner", null), "tester");
		holder = personService.register(TestData.employee("Harry Holder", owner.getId()), "tester");
		system = access.registerSystem(TestData.system(owner.getId()), "tester");
	}

	@Test
	void systemRoundTrips() {
		AccessSystem loaded = access.getSystem(system.getId());

		assertThat(loaded.getName()).isEqualTo(system.getName());
		assertThat(loaded.getKind()).isEqualTo(SystemKind.SBC);
		assertThat(loaded.getOwnerId()).isEqualTo(owner.getId());
		assertThat(loaded.isInReviewScope()).isTrue();
		assertThat(loaded.getConnector()).isEqualTo(ConnectorType.MANUAL);
		assertThat(loaded.getReviewerStrategy()).isEqualTo(ReviewerStrategy.SYSTEM_OWNER);
		assertThat(access.findSystemByName(system.getName())).contains(loaded);
		assertThat(
				access.searchSystems(system.getName().toUpperCase(), SystemKind.SBC, Pageable.unpaged()).getContent())
			.containsExactly(loaded);
	}

	@Test
	void looksUpSystemsAndPeopleByIds() {
		AccessSystem other = access.registerSystem(TestData.system(owner.getId()), "tester");

		assertThat(access.systemsByIds(List.of(system.getId(), other.getId(), SystemId.random())))
			.containsOnlyKeys(system.getId(), other.getId())
			.containsEntry(other.getId(), other);
		assertThat(personService.byIds(List.of(owner.getId(), holder.getId()))).containsOnlyKeys(owner.getId(),
				holder.getId());
		assertThat(access.systemsByIds(List.of())).isEmpty();
	}

	@Test
	void rejectsDuplicateSystemName() {
		SystemDetails same = new SystemDetails(system.getName(), SystemKind.OTHER, null, owner.getId(), false,
				ConnectorType.KEYCLOAK, ReviewerStrategy.MANAGER);

		assertThatThrownBy(() -> access.registerSystem(same, "tester")).isInstanceOf(ConflictException.class);
	}

	@Test
	void updatesSystemAndAuditsChangedFields() {
		SystemDetails changed = new SystemDetails(system.getName(), SystemKind.SBC, "now with TLS", owner.getId(),
				false, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER);

		access.updateSystem(system.getId(), changed, "admin");

		AccessSystem loaded = access.getSystem(system.getId());
		assertThat(loaded.getDescription()).isEqualTo("now with TLS");
		assertThat(loaded.getConnector()).isEqualTo(ConnectorType.KEYCLOAK);
		assertThat(loaded.getVersion()).isEqualTo(1L);
		AuditEntry entry = latestEntryFor("System", system.getId().toString());
		assertThat(entry.getAction()).isEqualTo("SYSTEM_CHANGED");
		assertThat(entry.getActor()).isEqualTo("admin");
		assertThat(entry.getDetails()).contains("\"changedFields\":[\"description\",\"inReviewScope\",\"connector\"]");
	}

	@Test
	void refusesASystemEditBasedOnAStaleVersion() {
		SystemDetails d = system.details();
		access.updateSystem(system.getId(), 0L, new SystemDetails(d.name(), d.kind(), "first", d.ownerId(),
				d.inReviewScope(), d.connector(), d.reviewerStrategy()), "admin");

		assertThatThrownBy(
				() -> access
					.updateSystem(system.getId(), 0L,
							new SystemDetails(d.name(), d.kind(), "second", d.ownerId(), d.inReviewScope(),
									d.connector(), d.reviewerStrategy()),
							"admin"))
			.isInstanceOf(StaleVersionException.class);
		assertThat(access.getSystem(system.getId()).getDescription()).isEqualTo("first");
	}

	@Test
	void grantRoundTrips() {
		Instant grantedAt = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
		Instant lastUsed = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
		AccessGrant grant = access
			.issueGrant(new NewGrant(holder.getId(), system.getId(), "root", true, grantedAt, lastUsed), "admin");

		AccessGrant loaded = access.getGrant(grant.getId());

		assertThat(loaded.getPersonId()).isEqualTo(holder.getId());
		assertThat(loaded.getSystemId()).isEqualTo(system.getId());
		assertThat(loaded.getEntitlement()).isEqualTo("root");
		assertThat(loaded.isPrivileged()).isTrue();
		assertThat(loaded.getGrantedAt()).isEqualTo(grantedAt);
		assertThat(loaded.getGrantedBy()).isEqualTo("admin");
		assertThat(loaded.getLastUsedAt()).isEqualTo(lastUsed);
		assertThat(loaded.getStatus()).isEqualTo(GrantStatus.ACTIVE);
		assertThat(access.activeGrantsOf(holder.getId())).containsExactly(loaded);
		assertThat(access.activeGrantsOn(system.getId())).containsExactly(loaded);
		assertThat(latestEntryFor("Grant", grant.getId().toString()).getAction()).isEqualTo("GRANT_ISSUED");
	}

	@Test
	void rejectsDuplicateActiveGrant() {
		access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false), "admin");

		assertThatThrownBy(
				() -> access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false), "admin"))
			.isInstanceOf(ConflictException.class);
		assertThat(access.activeGrantsOf(holder.getId())).hasSize(1);
	}

	@Test
	void rejectsGrantForUnknownSystemOrInvalidInput() {
		assertThatThrownBy(
				() -> access.issueGrant(new NewGrant(holder.getId(), SystemId.random(), "operator", false), "admin"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> access.issueGrant(new NewGrant(holder.getId(), system.getId(), " ", false), "admin"))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("entitlement");
		assertThat(access.activeGrantsOf(holder.getId())).isEmpty();
	}

	@Test
	void refusesToGrantAccessToALeaver() {
		personService.markLeft(holder.getId(), LocalDate.now(), "hr");

		assertThatThrownBy(
				() -> access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false), "admin"))
			.isInstanceOf(InvalidStateException.class);
	}

	@Test
	void revokesOnceAndRefusesASecondRevocation() {
		AccessGrant grant = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false), "admin");

		access.revokeGrant(grant.getId(), "left the NOC team", "reviewer");

		assertThatThrownBy(() -> access.revokeGrant(grant.getId(), "again", "other"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("already revoked");
		AccessGrant loaded = access.getGrant(grant.getId());
		assertThat(loaded.getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(loaded.getRevocationReason()).isEqualTo("left the NOC team");
		assertThat(loaded.getRevokedBy()).isEqualTo("reviewer");
		assertThat(loaded.getRevokedAt()).isNotNull();
		AuditEntry entry = latestEntryFor("Grant", grant.getId().toString());
		assertThat(entry.getAction()).isEqualTo("GRANT_REVOKED");
		assertThat(entry.getActor()).isEqualTo("reviewer");
		assertThat(entry.getDetails()).contains("\"reason\":\"left the NOC team\"");
	}

	@Test
	void revocationAndItsAuditEntryRollBackTogether() {
		AccessGrant grant = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false), "admin");
		long entriesBefore = auditEntries.count();

		transaction.executeWithoutResult(status -> {
			access.revokeGrant(grant.getId(), "will roll back", "reviewer");
			status.setRollbackOnly();
		});

		assertThat(access.getGrant(grant.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);
		assertThat(auditEntries.count()).isEqualTo(entriesBefore);
	}

	@Test
	void reducesAGrantToALesserEntitlement() {
		AccessGrant grant = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "root", true), "admin");

		access.reduceGrant(grant.getId(), "read-only", false, "root not needed for monitoring", "reviewer");

		AccessGrant loaded = access.getGrant(grant.getId());
		assertThat(loaded.getEntitlement()).isEqualTo("read-only");
		assertThat(loaded.isPrivileged()).isFalse();
		assertThat(loaded.isActive()).isTrue();
		assertThat(latestEntryFor("Grant", grant.getId().toString()).getAction()).isEqualTo("GRANT_REDUCED");
	}

	@Test
	void searchesGrantsByPersonPrivilegeAndDormancy() {
		Instant now = Instant.now();
		AccessGrant dormant = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "root", true,
				now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(200))), "admin");
		AccessGrant neverUsedOld = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "backup-operator",
				false, now.minus(Duration.ofDays(150)), null), "admin");
		AccessGrant recent = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false,
				now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))), "admin");
		AccessGrant revoked = access.issueGrant(
				new NewGrant(holder.getId(), system.getId(), "viewer", false, now.minus(Duration.ofDays(300)), null),
				"admin");
		access.revokeGrant(revoked.getId(), "not needed", "reviewer");

		GrantQuery ofHolder = new GrantQuery(holder.getId(), null, null, null, null, null);
		assertThat(ids(access.searchGrants(ofHolder, PageRequest.of(0, 10)))).containsExactlyInAnyOrder(dormant.getId(),
				neverUsedOld.getId(), recent.getId(), revoked.getId());
		assertThat(ids(access.searchGrants(ofHolder.withStatus(GrantStatus.ACTIVE).withPrivileged(true),
				PageRequest.of(0, 10))))
			.containsExactly(dormant.getId());
		GrantQuery dormantOfHolder = new GrantQuery(holder.getId(), null, GrantStatus.ACTIVE, null,
				now.minus(AccessGrant.DEFAULT_DORMANCY), null);
		assertThat(ids(access.searchGrants(dormantOfHolder, PageRequest.of(0, 10))))
			.containsExactlyInAnyOrder(dormant.getId(), neverUsedOld.getId());
		GrantQuery text = new GrantQuery(holder.getId(), system.getId(), null, null, null, "OPERATOR");
		assertThat(ids(access.searchGrants(text, PageRequest.of(0, 10))))
			.containsExactlyInAnyOrder(neverUsedOld.getId(), recent.getId());
		GrantQuery literalUnderscore = new GrantQuery(holder.getId(), null, null, null, null, "backup_operator");
		assertThat(access.searchGrants(literalUnderscore, PageRequest.of(0, 10))).as("'_' is no wildcard").isEmpty();
		Page<AccessGrant> firstPage = access.searchGrants(ofHolder, PageRequest.of(0, 3));
		assertThat(firstPage.getTotalElements()).isEqualTo(4);
		assertThat(firstPage.getContent()).hasSize(3);
	}

	@Test
	void revocationReachesModuleListenersThroughThePublicationRegistry() {
		AccessGrant grant = access.issueGrant(new NewGrant(holder.getId(), system.getId(), "operator", false), "admin");

		access.revokeGrant(grant.getId(), "registry check", "reviewer");

		// module listeners run asynchronously after the commit; the registry marks the
		// publication complete after them
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(moduleListener.received()).anyMatch(event -> event.grantId().equals(grant.getId()));
			Integer completed = jdbc
				.queryForObject("select count(*) from event_publication where completion_date is not null "
						+ "and serialized_event like ?", Integer.class, "%" + grant.getId() + "%");
			assertThat(completed).isEqualTo(1);
		});
	}

	private AuditEntry latestEntryFor(String type, String id) {
		return auditEntries.search(null, null, type, id, null, null, PageRequest.of(0, 1)).getContent().get(0);
	}

	private static List<GrantId> ids(Page<AccessGrant> page) {
		return page.getContent().stream().map(AccessGrant::getId).toList();
	}

}
