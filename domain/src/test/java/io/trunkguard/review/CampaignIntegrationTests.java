package io.trunkguard.review;

import io.trunkguard.evidence.ProofUpload;
import io.trunkguard.TestData;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.demo.DemoDataLoader;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Campaigns against a real database (H2 and PostgreSQL by the subclasses), over the demo
 * data plus a small fixture of our own: freeze, route, decide, submit, the unanswered
 * rule, remediation, close and sign-off.
 */
abstract class CampaignIntegrationTests {

	@org.springframework.beans.factory.annotation.Autowired
	io.trunkguard.evidence.FileStore fileStore;

	byte[] bytesOf(io.trunkguard.evidence.StoredFile file) {
		try (java.io.InputStream in = fileStore.open(file.getId())) {
			return in.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static final Instant NOW = Instant.now();

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewDecisionService decisions;

	@Autowired
	ReviewReminderService reminders;

	@Autowired
	RemediationService remediation;

	@Autowired
	ReviewItems items;

	@Autowired
	AccessService access;

	@Autowired
	PersonService people;

	@Autowired
	DemoDataLoader demoData;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FakeKeycloakRemediation keycloak;

	@Autowired
	CampaignReportArchive archive;

	Person manager;

	Person owner;

	Person holder;

	Person contractor;

	Person leaver;

	AccessSystem sbc;

	AccessSystem idp;

	AccessSystem outOfScope;

	AccessGrant holderAdmin;

	AccessGrant holderIdp;

	AccessGrant contractorViewer;

	AccessGrant leaverViewer;

	AccessGrant ownerAdmin;

	AccessGrant holderOutOfScope;

	AccessGrant holderRevoked;

	@BeforeEach
	void setUp() {
		demoData.load();
		manager = people.register(TestData.employee("Manny Manager", null), "tester");
		owner = people.register(TestData.employee("Olga Owner", manager.getId()), "tester");
		holder = people.register(TestData.employee("Harry Holder", manager.getId()), "tester");
		String hr = TestData.unique("C");
		contractor = people.register(new PersonDetails(hr, "Cora Contractor", hr.toLowerCase() + "@example.test",
				hr.toLowerCase(), manager.getId(), "NOC", EmploymentType.CONTRACTOR, LocalDate.of(2024, 1, 1),
				LocalDate.now().minusDays(10)), "tester");
		leaver = people.register(TestData.employee("Leo Leaver", manager.getId()), "tester");

		sbc = access.registerSystem(TestData.system(owner.getId()), "tester");
		idp = access.registerSystem(new SystemDetails(TestData.unique("IdP"), SystemKind.IDENTITY_PROVIDER, null,
				owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.MANAGER), "tester");
		outOfScope = access.registerSystem(new SystemDetails(TestData.unique("Wiki"), SystemKind.OTHER, null,
				owner.getId(), false, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");

		Instant longAgo = NOW.minus(300, ChronoUnit.DAYS);
		holderAdmin = access.issueGrant(
				new NewGrant(holder.getId(), sbc.getId(), "sbc-admin", true, longAgo, NOW.minus(200, ChronoUnit.DAYS)),
				"tester");
		holderIdp = access.issueGrant(new NewGrant(holder.getId(), idp.getId(), "voice-operator", false), "tester");
		contractorViewer = access.issueGrant(new NewGrant(contractor.getId(), sbc.getId(), "sbc-viewer", false),
				"tester");
		leaverViewer = access.issueGrant(new NewGrant(leaver.getId(), sbc.getId(), "sbc-viewer", false), "tester");
		ownerAdmin = access.issueGrant(new NewGrant(owner.getId(), sbc.getId(), "sbc-admin", true), "tester");
		holderOutOfScope = access.issueGrant(new NewGrant(holder.getId(), outOfScope.getId(), "editor", false),
				"tester");
		holderRevoked = access.issueGrant(new NewGrant(holder.getId(), sbc.getId(), "sbc-operator", false), "tester");
		access.revokeGrant(holderRevoked.getId(), "moved team", "tester");
		people.markLeft(leaver.getId(), LocalDate.now().minusDays(1), "tester");
		keycloak.setDown(false);
	}

	@AfterEach
	void keycloakUp() {
		keycloak.setDown(false);
	}

	ReviewCampaign start(UnansweredRule rule) {
		// the tests share one database, where earlier campaigns of the quarter stay open
		return lifecycle.start(TestData.unique("Review"), NOW.plus(Duration.ofDays(14)), rule,
				"tests share one database", "compliance-lead");
	}

	Map<Object, ReviewItem> mine(ReviewCampaign campaign) {
		List<Object> grants = List.of(holderAdmin.getId(), holderIdp.getId(), contractorViewer.getId(),
				leaverViewer.getId(), ownerAdmin.getId(), holderOutOfScope.getId(), holderRevoked.getId());
		return items.findByCampaignId(campaign.getId())
			.stream()
			.filter(item -> grants.contains(item.getGrantId()))
			.collect(Collectors.toMap(ReviewItem::getGrantId, Function.identity()));
	}

	@Test
	void freezesEveryActiveGrantOfEveryInScopeSystem() {
		Integer inScope = jdbc.queryForObject("""
				select count(*) from access_grant g join access_system s on s.id = g.system_id
				where g.status = 'ACTIVE' and s.in_review_scope = true""", Integer.class);

		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);

		assertThat(campaign.getItemCount()).isEqualTo(inScope);
		assertThat(items.countByCampaignId(campaign.getId())).isEqualTo(inScope.longValue());
		assertThat(mine(campaign)).containsOnlyKeys(holderAdmin.getId(), holderIdp.getId(), contractorViewer.getId(),
				leaverViewer.getId(), ownerAdmin.getId());
		assertThat(audit
			.search("compliance-lead", "REVIEW_CAMPAIGN_STARTED", "ReviewCampaign", campaign.getId().toString(), null,
					null, Pageable.unpaged())
			.getContent()).singleElement()
			.extracting(AuditEntry::getDetails)
			.asString()
			.contains("\"items\":" + inScope + ",");
	}

	@Test
	void flagsPrivilegedDormantOrphanAndExpiredContractorAccess() {
		Map<Object, ReviewItem> mine = mine(start(UnansweredRule.CARRY_OVER));

		ReviewItem admin = mine.get(holderAdmin.getId());
		assertThat(admin.isPrivileged()).isTrue();
		assertThat(admin.isDormant()).isTrue();
		assertThat(admin.isOrphan()).isFalse();
		assertThat(admin.getLastUsedAt()).isEqualTo(holderAdmin.getLastUsedAt());
		assertThat(mine.get(holderIdp.getId()).isDormant()).isFalse();
		assertThat(mine.get(leaverViewer.getId()).isOrphan()).isTrue();
		assertThat(mine.get(contractorViewer.getId()).isContractorExpired()).isTrue();
		assertThat(mine.get(holderIdp.getId()).isContractorExpired()).isFalse();
	}

	@Test
	void routesToOwnerOrManagerAndNeverToTheHolder() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		Map<Object, ReviewItem> mine = mine(campaign);

		assertThat(mine.get(holderAdmin.getId()).getReviewerUsername()).isEqualTo(owner.getUsername());
		assertThat(mine.get(holderAdmin.getId()).getRouting()).isEqualTo(Routing.SYSTEM_OWNER);
		assertThat(mine.get(holderIdp.getId()).getReviewerUsername()).isEqualTo(manager.getUsername());
		assertThat(mine.get(holderIdp.getId()).getRouting()).isEqualTo(Routing.MANAGER);
		// the owner's own admin access goes to the owner's manager
		assertThat(mine.get(ownerAdmin.getId()).getReviewerUsername()).isEqualTo(manager.getUsername());
		assertThat(mine.get(ownerAdmin.getId()).getRouting()).isEqualTo(Routing.MANAGER_INSTEAD);
		assertThat(jdbc.queryForObject(
				"select count(*) from review_item where campaign_id = ? and reviewer_id = person_id", Integer.class,
				campaign.getId().value()))
			.isZero();
		assertThat(queries.reviewers(campaign.getId())).contains(owner.getUsername(), manager.getUsername())
			.doesNotHaveDuplicates();
	}

	@Test
	void laterGrantChangesDoNotChangeTheFrozenScope() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		access.reduceGrant(holderAdmin.getId(), "sbc-operator", false, "least privilege", "tester");
		access.revokeGrant(holderIdp.getId(), "not needed", "tester");
		access.issueGrant(new NewGrant(holder.getId(), sbc.getId(), "sbc-auditor", false), "tester");

		Map<Object, ReviewItem> mine = mine(campaign);
		assertThat(mine.get(holderAdmin.getId()).getEntitlement()).isEqualTo("sbc-admin");
		assertThat(mine.get(holderAdmin.getId()).isPrivileged()).isTrue();
		assertThat(mine).containsKey(holderIdp.getId());
		assertThat(items.countByCampaignId(campaign.getId())).isEqualTo(campaign.getItemCount());
	}

	@Test
	void onlyTheAssignedReviewerDecidesAndNeverOnTheirOwnAccess() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		Map<Object, ReviewItem> mine = mine(campaign);
		ReviewItemId adminItem = mine.get(holderAdmin.getId()).getId();
		ReviewItemId ownerItem = mine.get(ownerAdmin.getId()).getId();

		assertThatThrownBy(
				() -> decisions.decide(List.of(adminItem), Decision.KEEP, null, "fine", holder.getUsername()))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessageContaining("own access");
		assertThatThrownBy(
				() -> decisions.decide(List.of(adminItem), Decision.KEEP, null, "fine", manager.getUsername()))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessageContaining("not assigned");
		assertThatThrownBy(() -> decisions.decide(List.of(ownerItem), Decision.KEEP, null, "fine", owner.getUsername()))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessageContaining("own access");
		assertThat(items.findById(adminItem).orElseThrow().getDecision()).isNull();
		assertThat(items.findById(ownerItem).orElseThrow().getDecision()).isNull();
	}

	@Test
	void bulkDecisionIsAllOrNothingAndChangeableUntilSubmitted() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		Map<Object, ReviewItem> mine = mine(campaign);
		List<ReviewItemId> ownersItems = List.of(mine.get(holderAdmin.getId()).getId(),
				mine.get(contractorViewer.getId()).getId(), mine.get(leaverViewer.getId()).getId());

		// keeping the privileged admin grant needs a justification: nothing is decided
		assertThatThrownBy(() -> decisions.decide(ownersItems, Decision.KEEP, null, null, owner.getUsername()))
			.isInstanceOf(InvalidInputException.class);
		assertThat(items.findByIdIn(ownersItems)).allSatisfy(item -> assertThat(item.getDecision()).isNull());

		decisions.decide(ownersItems, Decision.KEEP, null, "needed for the night shift", owner.getUsername());
		decisions.decide(ownersItems.subList(1, 3), Decision.REVOKE, null, "contract ended / left",
				owner.getUsername());
		assertThat(queries.progressOf(campaign.getId(), owner.getUsername()).decided()).isEqualTo(3);

		assertThat(decisions.submit(campaign.getId(), owner.getUsername())).isEqualTo(3);

		assertThatThrownBy(
				() -> decisions.decide(ownersItems, Decision.REVOKE, null, "changed my mind", owner.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("submitted");
		Map<ReviewItemId, ReviewItem> after = items.findByIdIn(ownersItems)
			.stream()
			.collect(Collectors.toMap(ReviewItem::getId, Function.identity()));
		assertThat(after.get(ownersItems.get(0)).getDecision()).isEqualTo(Decision.KEEP);
		assertThat(after.get(ownersItems.get(0)).getRemediationStatus()).isEqualTo(RemediationStatus.NOT_REQUIRED);
		assertThat(after.get(ownersItems.get(1)).getDecision()).isEqualTo(Decision.REVOKE);
		assertThat(after.get(ownersItems.get(1)).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThat(audit
			.search(owner.getUsername(), "REVIEW_ITEM_DECIDED", "ReviewItem", ownersItems.get(1).toString(), null, null,
					Pageable.unpaged())
			.getTotalElements()).isEqualTo(2);
		assertThat(audit
			.search(owner.getUsername(), "REVIEW_SUBMITTED", "ReviewCampaign", campaign.getId().toString(), null, null,
					Pageable.unpaged())
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void refusesToSubmitWhileItemsAreUndecided() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItem admin = mine(campaign).get(holderAdmin.getId());
		decisions.decide(List.of(admin.getId()), Decision.KEEP, null, "on call", owner.getUsername());

		assertThatThrownBy(() -> decisions.submit(campaign.getId(), owner.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("2 of your 3");
		assertThat(items.findById(admin.getId()).orElseThrow().isSubmitted()).isFalse();
	}

	@Test
	void runsACampaignFromStartToSignOff() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		Map<Object, ReviewItem> mine = mine(campaign);
		ReviewItemId admin = mine.get(holderAdmin.getId()).getId();
		ReviewItemId contractorItem = mine.get(contractorViewer.getId()).getId();
		ReviewItemId leaverItem = mine.get(leaverViewer.getId()).getId();
		ReviewItemId idpItem = mine.get(holderIdp.getId()).getId();
		ReviewItemId ownerItem = mine.get(ownerAdmin.getId()).getId();

		decisions.decide(List.of(admin), Decision.REDUCE, "sbc-operator", "admin only on call", owner.getUsername());
		decisions.decide(List.of(contractorItem, leaverItem), Decision.REVOKE, null, "no longer with us",
				owner.getUsername());
		decisions.submit(campaign.getId(), owner.getUsername());
		decisions.decide(List.of(idpItem), Decision.REVOKE, null, "moved to billing", manager.getUsername());
		decisions.decide(List.of(ownerItem), Decision.KEEP, null, "system owner", manager.getUsername());
		decisions.submit(campaign.getId(), manager.getUsername());

		// automatic, as soon as its reviewer submitted: the identity provider has the
		// Keycloak connector
		assertThat(queries.item(idpItem).getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThatThrownBy(() -> lifecycle.close(campaign.getId(), "compliance-lead"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("not decided");
		assertThat(lifecycle.applyUnansweredRule(campaign.getId())).isEqualTo(campaign.getItemCount() - 5);
		assertThatThrownBy(() -> lifecycle.close(campaign.getId(), "compliance-lead"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("3 revocation(s)");
		assertThat(remediation.pendingRemediations(campaign.getId())).containsExactlyInAnyOrder(admin, contractorItem,
				leaverItem);
		// a retry by the campaign's remediation step changes nothing
		remediation.remediateAutomatically(idpItem);
		assertThat(keycloak.removed()).filteredOn(request -> request.itemId().equals(idpItem)).hasSize(1);
		assertThat(keycloak.removed()).anySatisfy(request -> {
			assertThat(request.itemId()).isEqualTo(idpItem);
			assertThat(request.entitlement()).isEqualTo("voice-operator");
			assertThat(request.personUsername()).isEqualTo(holder.getUsername());
		});
		assertThat(access.getGrant(holderIdp.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(queries.item(idpItem).getRemediationNote()).contains("absent for user " + holder.getUsername());
		// manual: the owner confirms with a note
		remediation.recordRemediation(admin, "role changed in the SBC web UI, OPS-101", owner.getUsername());
		remediation.recordRemediation(contractorItem, "account deleted, OPS-102", owner.getUsername());
		assertThat(access.getGrant(holderAdmin.getId()).getEntitlement()).isEqualTo("sbc-operator");
		assertThat(access.getGrant(contractorViewer.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		// the last one is accepted instead of remediated
		remediation.acceptUnremediated(leaverItem, "account already locked by HR offboarding", "compliance-lead");

		ReviewCampaign closed = lifecycle.close(campaign.getId(), "compliance-lead");
		assertThat(closed.getStatus()).isEqualTo(CampaignStatus.CLOSED);
		ReviewCampaign signed = lifecycle.signOff(campaign.getId(), "reviewed", "compliance-lead");
		assertThat(signed.getStatus()).isEqualTo(CampaignStatus.SIGNED_OFF);
		lifecycle.requestReport(campaign.getId());
		byte[] pdf = "%PDF-1.4 report".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		archive.store(campaign.getId(), ReviewReport.Format.PDF, pdf);
		ReviewReport stored = archive.latest(campaign.getId(), ReviewReport.Format.PDF).orElseThrow();
		assertThat(bytesOf(stored.getFile())).isEqualTo(pdf);
		assertThat(stored.getEvidenceDate()).isEqualTo(closed.getClosedAt());
		assertThat(stored.getSha256()).isEqualTo(io.trunkguard.evidence.Sha256.hex(pdf)).hasSize(64);
		assertThat(archive.latest(campaign.getId(), ReviewReport.Format.XLSX)).isEmpty();

		for (String action : List.of("REVIEW_UNANSWERED_RESOLVED", "REVIEW_CAMPAIGN_CLOSED",
				"REVIEW_CAMPAIGN_SIGNED_OFF", "REVIEW_REPORT_REQUESTED", "REVIEW_REPORT_STORED")) {
			assertThat(audit
				.search(null, action, "ReviewCampaign", campaign.getId().toString(), null, null, Pageable.unpaged())
				.getTotalElements()).as(action).isEqualTo(1);
		}
		assertThat(audit
			.search(null, "REVIEW_ITEM_REMEDIATED", "ReviewItem", admin.toString(), null, null, Pageable.unpaged())
			.getContent()).singleElement().extracting(AuditEntry::getActor).isEqualTo(owner.getUsername());
		assertThat(audit
			.search(null, "REVIEW_REMEDIATION_ACCEPTED", "ReviewItem", leaverItem.toString(), null, null,
					Pageable.unpaged())
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void keepsTheRevocationPendingWhenTheConnectorFails() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId idpItem = mine(campaign).get(holderIdp.getId()).getId();
		decisions.decide(List.of(idpItem), Decision.REVOKE, null, "moved to billing", manager.getUsername());
		decisions.decide(List.of(mine(campaign).get(ownerAdmin.getId()).getId()), Decision.KEEP, null, "owner",
				manager.getUsername());
		keycloak.setDown(true);
		decisions.submit(campaign.getId(), manager.getUsername());

		// the submission stands; the removal waits for the campaign's remediation step
		assertThat(queries.item(idpItem).isSubmitted()).isTrue();
		assertThat(queries.item(idpItem).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThatThrownBy(() -> remediation.remediateAutomatically(idpItem)).hasMessageContaining("unreachable");

		assertThat(queries.item(idpItem).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThat(access.getGrant(holderIdp.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);
		keycloak.setDown(false);
		assertThat(remediation.remediateAutomatically(idpItem).getRemediationStatus())
			.isEqualTo(RemediationStatus.REMEDIATED);
		// a retry of a finished remediation changes nothing
		assertThat(remediation.remediateAutomatically(idpItem).getRemediationStatus())
			.isEqualTo(RemediationStatus.REMEDIATED);
	}

	@Test
	void holderCannotConfirmTheRemovalOfTheirOwnAccess() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId admin = mine(campaign).get(holderAdmin.getId()).getId();
		decisions.decide(List.of(admin), Decision.REVOKE, null, "no longer on call", owner.getUsername());
		decisions.decide(
				List.of(mine(campaign).get(contractorViewer.getId()).getId(),
						mine(campaign).get(leaverViewer.getId()).getId()),
				Decision.KEEP, null, null, owner.getUsername());
		decisions.submit(campaign.getId(), owner.getUsername());

		assertThatThrownBy(() -> remediation.recordRemediation(admin, "done", holder.getUsername()))
			.isInstanceOf(ReviewDeniedException.class);
		assertThatThrownBy(() -> remediation.recordRemediation(admin, " ", owner.getUsername()))
			.isInstanceOf(ConstraintViolationException.class)
			.hasMessageContaining("note");
		assertThat(queries.item(admin).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
	}

	@Test
	void revokesUnansweredItemsUnderTheRevokeRule() {
		ReviewCampaign campaign = start(UnansweredRule.REVOKE);
		Map<Object, ReviewItem> mine = mine(campaign);
		ReviewItemId idpItem = mine.get(holderIdp.getId()).getId();
		decisions.decide(List.of(idpItem), Decision.KEEP, null, null, manager.getUsername());

		lifecycle.applyUnansweredRule(campaign.getId());

		assertThat(mine(campaign).values()).allSatisfy(item -> {
			assertThat(item.getClosure()).isEqualTo(Closure.REVOKED_UNANSWERED);
			assertThat(item.getDecision()).isEqualTo(Decision.REVOKE);
			assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		});
		assertThatThrownBy(() -> decisions.decide(List.of(idpItem), Decision.KEEP, null, null, manager.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("closed out");
		assertThatThrownBy(() -> lifecycle.close(campaign.getId(), "compliance-lead"))
			.isInstanceOf(InvalidStateException.class);

		for (ReviewItemId pending : remediation.pendingRemediations(campaign.getId())) {
			remediation.acceptUnremediated(pending, "test: accepted to close the campaign", "risk-owner");
		}
		assertThat(lifecycle.close(campaign.getId(), "compliance-lead").getStatus()).isEqualTo(CampaignStatus.CLOSED);
	}

	@Test
	void carriesUnansweredItemsOverAndMarksWhatIsNewInTheNextCampaign() {
		ReviewCampaign first = start(UnansweredRule.CARRY_OVER);
		lifecycle.applyUnansweredRule(first.getId());
		assertThat(mine(first).values()).allSatisfy(item -> {
			assertThat(item.getClosure()).isEqualTo(Closure.CARRIED_OVER);
			assertThat(item.getDecision()).isNull();
			assertThat(item.getRemediationStatus()).isEqualTo(RemediationStatus.NOT_REQUIRED);
		});
		AccessGrant added = access.issueGrant(new NewGrant(holder.getId(), sbc.getId(), "sbc-auditor", false),
				"tester");

		ReviewCampaign second = start(UnansweredRule.CARRY_OVER);

		assertThat(second.getPreviousCampaignId()).isEqualTo(first.getId());
		List<ReviewItem> secondItems = items.findByCampaignId(second.getId());
		ReviewItem newItem = secondItems.stream()
			.filter(i -> i.getGrantId().equals(added.getId()))
			.findFirst()
			.orElseThrow();
		ReviewItem oldItem = secondItems.stream()
			.filter(i -> i.getGrantId().equals(holderAdmin.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(newItem.isNew()).isTrue();
		assertThat(newItem.isCarriedOver()).isFalse();
		assertThat(oldItem.isNew()).isFalse();
		assertThat(oldItem.isCarriedOver()).isTrue();
	}

	@Test
	void refusesSignOffBeforeTheCampaignIsClosed() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);

		assertThatThrownBy(() -> lifecycle.signOff(campaign.getId(), null, "compliance-lead"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("only a closed campaign");
		assertThatThrownBy(() -> lifecycle.requestReport(campaign.getId())).isInstanceOf(InvalidStateException.class);
		assertThatThrownBy(() -> archive.store(campaign.getId(), ReviewReport.Format.PDF, new byte[] { 1 }))
			.isInstanceOf(InvalidStateException.class);
	}

	@Test
	void coversTheDemoDataWithItsRiskFlags() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		List<ReviewItem> all = items.findByCampaignId(campaign.getId());

		assertThat(all).anySatisfy(item -> assertThat(item.getReviewerUsername()).isEqualTo("reviewer"));
		assertThat(all).anySatisfy(item -> assertThat(item.isPrivileged()).isTrue());
		assertThat(all).anySatisfy(item -> assertThat(item.isDormant()).isTrue());
		assertThat(all).anySatisfy(item -> assertThat(item.isContractorExpired()).isTrue());
		assertThat(all).anySatisfy(item -> assertThat(item.isOrphan()).isTrue());
		assertThat(all).allSatisfy(item -> assertThat(item.getReviewerId()).isNotEqualTo(item.getPersonId()));
		assertThat(lifecycle.schedule(campaign.getId()).reminders()).hasSize(2);
		assertThat(queries.itemsOf(campaign.getId(), "reviewer", Pageable.ofSize(500)).getContent())
			.allSatisfy(item -> assertThat(item.getReviewerUsername()).isEqualTo("reviewer"));
	}

	@Test
	void remindsAndEscalatesOnlyReviewersWithOpenItems() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		Map<Object, ReviewItem> mine = mine(campaign);
		decisions.decide(List.of(mine.get(holderIdp.getId()).getId()), Decision.KEEP, null, null,
				manager.getUsername());
		decisions.decide(List.of(mine.get(ownerAdmin.getId()).getId()), Decision.KEEP, null, "owner",
				manager.getUsername());
		decisions.submit(campaign.getId(), manager.getUsername());

		assertThat(reminders.remind(campaign.getId(), owner.getUsername())).isTrue();
		assertThat(reminders.remind(campaign.getId(), manager.getUsername())).isFalse();
		assertThat(reminders.escalate(campaign.getId(), owner.getUsername())).isEqualTo(manager.getUsername());
		assertThat(reminders.escalate(campaign.getId(), manager.getUsername())).isNull();
		assertThat(audit
			.search(null, "REVIEW_ESCALATED", "ReviewCampaign", campaign.getId().toString(), null, null,
					Pageable.unpaged())
			.getContent()).singleElement()
			.extracting(AuditEntry::getDetails)
			.asString()
			.contains(owner.getUsername())
			.contains("\"escalatedTo\":\"" + manager.getUsername() + "\"");
		assertThat(audit
			.search(null, "REVIEW_REMINDER_SENT", "ReviewCampaign", campaign.getId().toString(), null, null,
					Pageable.unpaged())
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void filtersAReviewersInboxAndReportsProgressPerReviewerAndSystem() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		Map<Object, ReviewItem> mine = mine(campaign);
		String olga = owner.getUsername();
		decisions.decide(List.of(mine.get(contractorViewer.getId()).getId()), Decision.REVOKE, null, "contract ended",
				olga);

		assertThat(inbox(campaign, olga, new InboxFilter(null, ReviewFlag.PRIVILEGED, null, null)))
			.containsExactly(mine.get(holderAdmin.getId()).getId());
		assertThat(inbox(campaign, olga, new InboxFilter(null, ReviewFlag.ORPHAN, null, null)))
			.containsExactly(mine.get(leaverViewer.getId()).getId());
		assertThat(inbox(campaign, olga, new InboxFilter("CORA", null, null, null)))
			.containsExactly(mine.get(contractorViewer.getId()).getId());
		assertThat(inbox(campaign, olga, new InboxFilter(null, null, true, sbc.getId())))
			.containsExactlyInAnyOrder(mine.get(holderAdmin.getId()).getId(), mine.get(leaverViewer.getId()).getId());
		assertThat(inbox(campaign, olga, new InboxFilter("100%_", null, null, null))).isEmpty();
		assertThat(inbox(campaign, olga, InboxFilter.none())).hasSize(3);

		assertThat(queries.progressByReviewer(campaign.getId())).filteredOn(row -> row.key().equals(olga))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.items()).isEqualTo(3);
				assertThat(row.decided()).isEqualTo(1);
				assertThat(row.percentDecided()).isEqualTo(33);
			});
		assertThat(queries.progressBySystem(campaign.getId())).filteredOn(row -> row.key().equals(sbc.getName()))
			.singleElement()
			.satisfies(row -> assertThat(row.items()).isEqualTo(4));
		assertThat(queries.campaignsOf(olga)).extracting(ReviewCampaign::getId).containsExactly(campaign.getId());
	}

	List<ReviewItemId> inbox(ReviewCampaign campaign, String reviewer, InboxFilter filter) {
		return queries.inbox(campaign.getId(), reviewer, filter, Pageable.ofSize(500))
			.map(ReviewItem::getId)
			.getContent();
	}

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	ReviewItemId revokeHolderAdminAndSubmit(ReviewCampaign campaign) {
		ReviewItemId admin = mine(campaign).get(holderAdmin.getId()).getId();
		decisions.decide(List.of(admin), Decision.REVOKE, null, "no longer on call", owner.getUsername());
		decisions.decide(
				List.of(mine(campaign).get(contractorViewer.getId()).getId(),
						mine(campaign).get(leaverViewer.getId()).getId()),
				Decision.KEEP, null, null, owner.getUsername());
		decisions.submit(campaign.getId(), owner.getUsername());
		return admin;
	}

	@Test
	void listsManualRemovalsForTheOwnerAndLeadsAndConfirmsThemWithAProofFile() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId admin = revokeHolderAdminAndSubmit(campaign);

		assertThat(remediation.manualRemediations(owner.getUsername(), false)).extracting(ReviewItem::getId)
			.contains(admin);
		assertThat(remediation.manualRemediations(manager.getUsername(), false)).extracting(ReviewItem::getId)
			.doesNotContain(admin);
		assertThat(remediation.manualRemediations("compliance-lead", true)).extracting(ReviewItem::getId)
			.contains(admin);

		ReviewItem done = remediation.confirmRemoval(admin, "Removed sbc-admin in the SBC console, ticket OPS-7",
				new ProofUpload("C:\\Users\\olga\\console.png", "image/png", PNG), owner.getUsername(), false);

		assertThat(done.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(done.getRemediatedBy()).isEqualTo(owner.getUsername());
		List<RemediationProof> proofs = remediation.proofsOf(admin);
		assertThat(proofs).singleElement().satisfies(p -> {
			assertThat(p.getFileName()).isEqualTo("console.png");
			assertThat(p.getContentType()).isEqualTo("image/png");
			assertThat(p.getSizeBytes()).isEqualTo(PNG.length);
			assertThat(bytesOf(p.getFile())).isEqualTo(PNG);
			assertThat(p.getSha256()).hasSize(64);
		});
		assertThat(done.getRemediationNote()).contains("OPS-7")
			.contains("console.png")
			.contains(proofs.get(0).getSha256());
		assertThat(remediation.proofsOfCampaign(campaign.getId())).extracting(RemediationProof::getId)
			.containsExactly(proofs.get(0).getId());
		assertThat(access.getGrant(holderAdmin.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		assertThat(audit
			.search(owner.getUsername(), "REVIEW_REMEDIATION_PROOF_ATTACHED", "ReviewItem", admin.toString(), null,
					null, Pageable.ofSize(5))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains(proofs.get(0).getSha256()));
		assertThat(remediation.manualRemediations(owner.getUsername(), false)).extracting(ReviewItem::getId)
			.doesNotContain(admin);
		// confirmed before the process looked it up: nobody gets a task for it, the
		// automatic step leaves it as it is
		assertThat(remediation.routeRemediation(admin)).isEqualTo(RemediationRoute.AUTOMATIC);
		assertThat(remediation.remediateAutomatically(admin).getRemediationNote()).isEqualTo(done.getRemediationNote());
	}

	@Test
	void refusesBadProofFilesAndStrangersWithoutChangingAnything() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId admin = revokeHolderAdminAndSubmit(campaign);
		byte[] tooLarge = new byte[RemediationProof.MAX_BYTES + 1];
		System.arraycopy(PNG, 0, tooLarge, 0, PNG.length);

		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "removed",
				new ProofUpload("big.png", "image/png", tooLarge), owner.getUsername(), false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at most 5 MB");
		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "removed",
				new ProofUpload("tool.exe", "application/x-msdownload", new byte[] { 'M', 'Z' }), owner.getUsername(),
				false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not accepted");
		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "removed",
				new ProofUpload("fake.pdf", "application/pdf", PNG), owner.getUsername(), false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("does not look like");
		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "removed",
				new ProofUpload("empty.txt", "text/plain", new byte[0]), owner.getUsername(), false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "  ", null, owner.getUsername(), false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("note");
		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "removed", null, manager.getUsername(), false))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessageContaining("neither the owner");
		assertThatThrownBy(() -> remediation.confirmRemoval(admin, "removed", null, holder.getUsername(), true))
			.isInstanceOf(ReviewDeniedException.class);

		assertThat(queries.item(admin).getRemediationStatus()).isEqualTo(RemediationStatus.PENDING);
		assertThat(remediation.proofsOf(admin)).isEmpty();
		assertThat(access.getGrant(holderAdmin.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);

		// a compliance lead may confirm for an owner, without a file
		assertThat(remediation
			.confirmRemoval(admin, "Removed by the NOC on the lead's request", null, "compliance-lead", true)
			.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
	}

	@Test
	void routesAKeycloakRevocationAutomaticallyWhenAConnectorServesIt() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId idpItem = mine(campaign).get(holderIdp.getId()).getId();
		decisions.decide(List.of(idpItem), Decision.REVOKE, null, "moved to billing", manager.getUsername());
		decisions.decide(List.of(mine(campaign).get(ownerAdmin.getId()).getId()), Decision.KEEP, null, "owner",
				manager.getUsername());
		decisions.submit(campaign.getId(), manager.getUsername());
		ReviewItemId manualItem = revokeHolderAdminAndSubmit(campaign);

		assertThat(remediation.routeRemediation(idpItem)).isEqualTo(RemediationRoute.AUTOMATIC);
		assertThat(remediation.routeRemediation(manualItem)).isEqualTo(RemediationRoute.MANUAL);
		assertThat(queries.item(idpItem).getManualRemediationReason()).isNull();
		assertThatThrownBy(() -> remediation.confirmRemoval(idpItem, "removed", null, "compliance-lead", true))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("connector");
	}

	@Test
	void routesAKeycloakRevocationOfAHolderWithoutUsernameToTheOwner() {
		String hr = TestData.unique("N");
		Person noLogin = people.register(new PersonDetails(hr, "Nina Nologin", hr.toLowerCase() + "@example.test", null,
				manager.getId(), "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2023, 1, 1), null), "tester");
		AccessGrant grant = access.issueGrant(new NewGrant(noLogin.getId(), idp.getId(), "voice-operator", false),
				"tester");
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId item = items.findByCampaignId(campaign.getId())
			.stream()
			.filter(i -> i.getGrantId().equals(grant.getId()))
			.findFirst()
			.orElseThrow()
			.getId();
		decisions.decide(List.of(item), Decision.REVOKE, null, "left the NOC", manager.getUsername());
		decisions
			.decide(items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(campaign.getId(), manager.getUsername())
				.stream()
				.map(ReviewItem::getId)
				.filter(id -> !id.equals(item))
				.toList(), Decision.KEEP, null, "needed", manager.getUsername());
		decisions.submit(campaign.getId(), manager.getUsername());

		assertThat(remediation.routeRemediation(item)).isEqualTo(RemediationRoute.MANUAL);
		assertThat(queries.item(item).getManualRemediationReason()).contains("has no username");
		assertThat(remediation.manualRemediations(owner.getUsername(), false)).extracting(ReviewItem::getId)
			.contains(item);
		assertThat(keycloak.removed()).noneMatch(request -> request.itemId().equals(item));
	}

	@Test
	void reassignsAllOfAReviewersItemsButKeepsTheNewReviewersOwnAccess() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		List<ReviewItemId> ownersItems = List.of(mine(campaign).get(holderAdmin.getId()).getId(),
				mine(campaign).get(contractorViewer.getId()).getId(), mine(campaign).get(leaverViewer.getId()).getId());
		decisions.decide(ownersItems.subList(0, 1), Decision.KEEP, null, "on call", owner.getUsername());

		assertThatThrownBy(
				() -> decisions.reassignAll(campaign.getId(), owner.getUsername(), "nobody-here", "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("nobody-here");

		Reassignment toHolder = decisions.reassignAll(campaign.getId(), owner.getUsername(), holder.getUsername(),
				"compliance-lead");

		// the holder's own sbc-admin stays with the owner, named in a sentence; the rest
		// moved
		assertThat(toHolder.kept()).singleElement()
			.asString()
			.contains("sbc-admin", "Harry Holder", sbc.getName(), "stays with " + owner.getUsername(), "own access");
		assertThat(toHolder.moved()).isGreaterThanOrEqualTo(2);
		assertThat(toHolder.describe()).contains("reassigned to " + holder.getUsername()).contains("own access");
		assertThat(queries.item(ownersItems.get(0)).getReviewerUsername()).isEqualTo(owner.getUsername());
		assertThat(queries.item(ownersItems.get(1)).getReviewerUsername()).isEqualTo(holder.getUsername());

		Reassignment toManager = decisions.reassignAll(campaign.getId(), holder.getUsername(), manager.getUsername(),
				"compliance-lead");
		assertThat(toManager.kept()).isEmpty();
		assertThat(ownersItems.subList(1, 3)).allSatisfy(id -> {
			ReviewItem item = queries.item(id);
			assertThat(item.getReviewerUsername()).isEqualTo(manager.getUsername());
			assertThat(item.getRouting()).isEqualTo(Routing.REASSIGNED);
			assertThat(item.getDecision()).isNull();
		});
		assertThat(audit
			.search("compliance-lead", "REVIEW_ITEM_REASSIGNED", "ReviewItem", ownersItems.get(1).toString(), null,
					null, Pageable.ofSize(5))
			.getContent()).hasSize(2);
		assertThatThrownBy(() -> decisions.reassignAll(campaign.getId(), holder.getUsername(), manager.getUsername(),
				"compliance-lead"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("no unsubmitted items");
	}

	@Test
	void reassignsChosenItemsAndOneSystemItemByItem() {
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId holdersOwn = mine(campaign).get(holderAdmin.getId()).getId();
		ReviewItemId contractors = mine(campaign).get(contractorViewer.getId()).getId();
		ReviewItemId leavers = mine(campaign).get(leaverViewer.getId()).getId();

		Reassignment chosen = decisions.reassignItems(campaign.getId(), List.of(holdersOwn, contractors),
				holder.getUsername(), "compliance-lead");

		assertThat(chosen.moved()).isEqualTo(1);
		assertThat(chosen.kept()).singleElement().asString().contains("Harry Holder", sbc.getName(), "sbc-admin");
		assertThat(queries.item(contractors).getReviewerUsername()).isEqualTo(holder.getUsername());
		assertThat(queries.item(leavers).getReviewerUsername()).isEqualTo(owner.getUsername());
		assertThatThrownBy(() -> decisions.reassign(holdersOwn, holder.getUsername(), "compliance-lead"))
			.isInstanceOf(ReviewDeniedException.class)
			.hasMessageContaining("Harry Holder")
			.hasMessageContaining(sbc.getName())
			.hasMessageContaining("sbc-admin");

		Reassignment system = decisions.reassignSystem(campaign.getId(), owner.getUsername(), sbc.getId(),
				manager.getUsername(), "compliance-lead");

		assertThat(system.moved()).isGreaterThanOrEqualTo(2);
		assertThat(queries.item(holdersOwn).getReviewerUsername()).isEqualTo(manager.getUsername());
		assertThat(queries.item(leavers).getReviewerUsername()).isEqualTo(manager.getUsername());
		assertThat(queries.item(contractors).getReviewerUsername()).isEqualTo(holder.getUsername());
	}

	@Test
	void reassignsOnlyToPeopleWhoMayDecideAndRemindsNobodyElse() {
		String hr = TestData.unique("R");
		Person reader = people.register(new PersonDetails(hr, "Rita Reader", hr.toLowerCase() + "@example.test",
				ReaderEligibility.PREFIX + hr.toLowerCase(), manager.getId(), "Audit", EmploymentType.EMPLOYEE,
				LocalDate.of(2023, 1, 1), null), "tester");
		AccessSystem readersSystem = access.registerSystem(TestData.system(reader.getId()), "tester");
		access.issueGrant(new NewGrant(holder.getId(), readersSystem.getId(), "viewer", false), "tester");
		ReviewCampaign campaign = start(UnansweredRule.CARRY_OVER);
		ReviewItemId contractors = mine(campaign).get(contractorViewer.getId()).getId();

		assertThatThrownBy(() -> decisions.reassignAll(campaign.getId(), owner.getUsername(), reader.getUsername(),
				"compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining(reader.getUsername() + " has a read-only login and may not decide review items.");
		assertThatThrownBy(() -> decisions.reassign(contractors, reader.getUsername(), "compliance-lead"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(queries.item(contractors).getReviewerUsername()).isEqualTo(owner.getUsername());

		// the reader was routed the items of the system they own: no reminder for them
		assertThat(items.countByCampaignIdAndReviewerUsernameAndClosureIsNull(campaign.getId(), reader.getUsername()))
			.isEqualTo(1);
		assertThat(reminders.remind(campaign.getId(), reader.getUsername())).isFalse();
		assertThat(reminders.remind(campaign.getId(), owner.getUsername())).isTrue();
	}

	@Test
	void refusesAnOverlappingCampaignWithoutAReasonAndRecordsTheReason() {
		start(UnansweredRule.CARRY_OVER);
		String name = TestData.unique("Overlap");

		assertThatThrownBy(() -> lifecycle.start(name, NOW.plus(Duration.ofDays(14)), UnansweredRule.CARRY_OVER,
				"compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("of this quarter still takes decisions on")
			.hasMessageContaining("say why");
		assertThatThrownBy(() -> lifecycle.checkTerms(name, NOW.plus(Duration.ofDays(14)), " "))
			.isInstanceOf(InvalidInputException.class);

		ReviewCampaign second = lifecycle.start(name, NOW.plus(Duration.ofDays(14)), UnansweredRule.CARRY_OVER,
				"re-run after the SBC migration", "compliance-lead");

		assertThat(queries.get(second.getId()).getOverlapReason()).isEqualTo("re-run after the SBC migration");
		assertThat(audit
			.search("compliance-lead", "REVIEW_CAMPAIGN_STARTED", "ReviewCampaign", second.getId().toString(), null,
					null, Pageable.ofSize(5))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("re-run after the SBC migration"));
	}

	@Test
	void refusesADeadlineLessThanThreeDaysAway() {
		assertThatThrownBy(() -> lifecycle.start(TestData.unique("Short"), Instant.now().plus(Duration.ofMinutes(17)),
				UnansweredRule.CARRY_OVER, "reason", "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("less than 3 days away")
			.hasMessageContaining("at least 3 days");
	}

	@Test
	void endsReviewingEarlyWithAJustificationAndSettlesUnansweredItemsByTheRule() {
		ReviewCampaign campaign = start(UnansweredRule.REVOKE);
		ReviewItemId contractors = mine(campaign).get(contractorViewer.getId()).getId();
		ReviewItemId leavers = mine(campaign).get(leaverViewer.getId()).getId();
		decisions.decide(List.of(contractors), Decision.KEEP, null, null, owner.getUsername());

		assertThatThrownBy(() -> lifecycle.endReviewsEarly(campaign.getId(), "  ", "compliance-lead"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Say why");

		int settled = lifecycle.endReviewsEarly(campaign.getId(), "Auditors arrive Monday; the rest are leavers",
				"compliance-lead");

		assertThat(settled).isEqualTo(campaign.getItemCount());
		ReviewCampaign ended = queries.get(campaign.getId());
		assertThat(ended.getReviewsEndedAt()).isNotNull();
		assertThat(ended.isEndedEarly()).isTrue();
		assertThat(ended.getEarlyEndReason()).isEqualTo("Auditors arrive Monday; the rest are leavers");
		assertThat(queries.item(leavers).getClosure()).isEqualTo(Closure.REVOKED_UNANSWERED);
		assertThat(queries.item(contractors).getClosure()).isEqualTo(Closure.REVOKED_UNANSWERED);
		assertThat(queries.progress(campaign.getId()).unsettled()).isZero();
		assertThatThrownBy(() -> decisions.decide(List.of(leavers), Decision.KEEP, null, null, owner.getUsername()))
			.isInstanceOf(InvalidStateException.class);
		assertThat(audit
			.search("compliance-lead", "REVIEW_CAMPAIGN_ENDED_EARLY", "ReviewCampaign", campaign.getId().toString(),
					null, null, Pageable.ofSize(5))
			.getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.getDetails()).contains("Auditors arrive Monday"));
	}

	@Test
	void showsEarlierCampaignsDecisionsOnTheGrantAndKeepsComments() {
		ReviewCampaign first = start(UnansweredRule.CARRY_OVER);
		ReviewItemId earlier = mine(first).get(holderAdmin.getId()).getId();
		decisions.decide(List.of(earlier), Decision.KEEP, null, "on call rota until March", owner.getUsername());
		ReviewCampaign second = start(UnansweredRule.CARRY_OVER);
		ReviewItemId now = mine(second).get(holderAdmin.getId()).getId();

		GrantHistory history = queries.history(now);

		assertThat(history.grant().getId()).isEqualTo(holderAdmin.getId());
		assertThat(history.grant().getLastUsedAt()).isNotNull();
		assertThat(history.pastDecisions()).singleElement().satisfies(past -> {
			assertThat(past.campaignId()).isEqualTo(first.getId());
			assertThat(past.campaignName()).isEqualTo(first.getName());
			assertThat(past.decision()).isEqualTo(Decision.KEEP);
			assertThat(past.justification()).isEqualTo("on call rota until March");
		});

		decisions.comment(now, "Asked Harry whether he still takes SBC shifts.", owner.getUsername(), false);
		decisions.comment(now, "Please check the rota first.", "compliance-lead", true);
		assertThatThrownBy(() -> decisions.comment(now, "I still need it", holder.getUsername(), false))
			.isInstanceOf(ReviewDeniedException.class);
		assertThatThrownBy(() -> decisions.comment(now, " ", owner.getUsername(), false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(
				() -> decisions.comment(now, "x".repeat(ReviewComment.MAX_BODY + 1), owner.getUsername(), false))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("longer");

		assertThat(queries.comments(now)).extracting(ReviewComment::getAuthor)
			.containsExactly(owner.getUsername(), "compliance-lead");
		assertThat(queries.comments(earlier)).isEmpty();
		assertThat(audit
			.search(owner.getUsername(), "REVIEW_ITEM_COMMENTED", "ReviewItem", now.toString(), null, null,
					Pageable.ofSize(5))
			.getContent()).singleElement().satisfies(entry -> assertThat(entry.getDetails()).contains("SBC shifts"));
	}

}
