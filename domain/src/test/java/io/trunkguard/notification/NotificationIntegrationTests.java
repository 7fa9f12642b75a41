package io.trunkguard.notification;

import io.trunkguard.TestData;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.demo.DemoDataLoader;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.ReviewReminderService;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.UnansweredRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review and deprovisioning events write their mail to the outbox in their own
 * transaction, against a real database (H2 and PostgreSQL by the subclasses): committed
 * together, rolled back together. No SMTP server is configured in these contexts, so the
 * messages are KEPT_IN_OUTBOX.
 */
abstract class NotificationIntegrationTests {

	static final Instant DEADLINE = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	ReviewReminderService reminders;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	DemoDataLoader demoData;

	@Autowired
	OutboxMessages messages;

	@Autowired
	Outbox outbox;

	@Autowired
	AuditEntries audit;

	@Autowired
	PlatformTransactionManager transactionManager;

	Person manager;

	Person owner;

	Person loner;

	Person holder;

	Person lead;

	@BeforeEach
	void setUp() {
		demoData.load(); // brings the compliance lead "compliance-lead"
							// (trunkguard.notification.compliance-leads' default)
		lead = people.findByUsername("compliance-lead").orElseThrow();
		manager = people.register(TestData.employee("Manny Manager", null), "tester");
		owner = people.register(TestData.employee("Olga Owner", manager.getId()), "tester");
		loner = people.register(TestData.employee("Lone Owner", null), "tester");
		holder = people.register(TestData.employee("Harry Holder", manager.getId()), "tester");
		AccessSystem sbc = access.registerSystem(TestData.system(owner.getId()), "tester");
		AccessSystem other = access.registerSystem(TestData.system(loner.getId()), "tester");
		access.issueGrant(new NewGrant(holder.getId(), sbc.getId(), "sbc-admin", true), "tester");
		access.issueGrant(new NewGrant(holder.getId(), other.getId(), "sbc-viewer", false), "tester");
	}

	ReviewCampaign start() {
		return lifecycle.start(TestData.unique("Quarterly review"), DEADLINE, UnansweredRule.CARRY_OVER,
				"tests share one database", "compliance-lead");
	}

	List<OutboxMessage> about(Object reference) {
		return messages.findByReferenceTypeAndReferenceIdOrderByCreatedAt(
				reference instanceof DeprovisioningCaseId ? MailTexts.CASE : MailTexts.CAMPAIGN, reference.toString());
	}

	@Test
	void writesTheReminderToTheReviewerWhenTheReminderCommits() {
		ReviewCampaign campaign = start();

		assertThat(reminders.remind(campaign.getId(), owner.getUsername())).isTrue();

		assertThat(about(campaign.getId())).singleElement().satisfies(m -> {
			assertThat(m.getKind()).isEqualTo(MessageKind.REVIEW_REMINDER);
			assertThat(m.getRecipientUsername()).isEqualTo(owner.getUsername());
			assertThat(m.getRecipientEmail()).isEqualTo(owner.getEmail());
			assertThat(m.getRecipientName()).isEqualTo("Olga Owner");
			assertThat(m.getStatus()).isEqualTo(MessageStatus.KEPT_IN_OUTBOX);
			assertThat(m.getAttempts()).isZero();
			assertThat(m.getSubject()).contains(campaign.getName()).startsWith("Reminder: 1 access review item");
			assertThat(m.getBody()).contains("/reviews/" + campaign.getId() + "/inbox");
		});
		assertThat(outbox.addressedTo(owner.getUsername(), OutboxFilter.none(), Pageable.ofSize(10)).getContent())
			.extracting(OutboxMessage::getReferenceId)
			.contains(campaign.getId().toString());
	}

	@Test
	void rollsTheReminderMessageBackWithTheReminder() {
		ReviewCampaign campaign = start();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult(status -> {
			reminders.remind(campaign.getId(), owner.getUsername());
			assertThat(about(campaign.getId())).as("written in the reminder's transaction").hasSize(1);
			status.setRollbackOnly();
		});

		assertThat(about(campaign.getId())).isEmpty();
		assertThat(audit
			.search(null, "REVIEW_REMINDER_SENT", "ReviewCampaign", campaign.getId().toString(), null, null,
					Pageable.unpaged())
			.getContent()).as("the reminder itself rolled back too").isEmpty();
	}

	@Test
	void escalatesALateReviewerToTheirManager() {
		ReviewCampaign campaign = start();

		assertThat(reminders.escalate(campaign.getId(), owner.getUsername())).isEqualTo(manager.getUsername());

		assertThat(about(campaign.getId())).singleElement().satisfies(m -> {
			assertThat(m.getKind()).isEqualTo(MessageKind.REVIEW_ESCALATION);
			assertThat(m.getRecipientUsername()).isEqualTo(manager.getUsername());
			assertThat(m.getRecipientEmail()).isEqualTo(manager.getEmail());
			assertThat(m.getBody()).contains("Olga Owner (" + owner.getUsername() + ") did not finish")
				.contains("You receive this as their manager");
		});
	}

	@Test
	void escalatesAReviewerWithoutManagerToTheComplianceLeads() {
		ReviewCampaign campaign = start();

		assertThat(reminders.escalate(campaign.getId(), loner.getUsername())).isEqualTo("group:compliance-lead");

		assertThat(about(campaign.getId())).singleElement().satisfies(m -> {
			assertThat(m.getKind()).isEqualTo(MessageKind.REVIEW_ESCALATION);
			assertThat(m.getRecipientUsername()).isEqualTo("compliance-lead");
			assertThat(m.getRecipientEmail()).isEqualTo(lead.getEmail());
			assertThat(m.getBody()).contains("Lone Owner").contains("as a compliance lead");
		});
	}

	@Test
	void writesAMissedRemovalSlaToTheComplianceLeadsAndRollsItBackWithTheEscalation() {
		Person leaver = people.register(TestData.employee("Leo Leaver", manager.getId()), "tester");
		AccessSystem portal = access
			.registerSystem(new SystemDetails(TestData.unique("Carrier portal"), SystemKind.CARRIER_PORTAL, null,
					owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant login = access.issueGrant(new NewGrant(leaver.getId(), portal.getId(), "portal-admin", true),
				"tester");
		DeprovisioningCaseId caseId = deprovisioning
			.receiveTermination(new TerminationNotice(TestData.unique("evt"), leaver.getHrId(),
					Instant.now().minus(Duration.ofDays(2)), TerminationSource.HR_WEBHOOK, "client:hr-webhook"))
			.caseId();

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			deprovisioning.escalate(caseId, login.getId());
			status.setRollbackOnly();
		});
		assertThat(about(caseId)).as("rolled back with the escalation").isEmpty();

		deprovisioning.escalate(caseId, login.getId());

		assertThat(about(caseId)).singleElement().satisfies(m -> {
			assertThat(m.getKind()).isEqualTo(MessageKind.REMOVAL_ESCALATION);
			assertThat(m.getRecipientUsername()).isEqualTo("compliance-lead");
			assertThat(m.getRecipientEmail()).isEqualTo(lead.getEmail());
			assertThat(m.getSubject())
				.isEqualTo("Escalation: access of Leo Leaver to " + portal.getName() + " not removed in time");
			assertThat(m.getBody()).contains("(HR id " + leaver.getHrId() + ")")
				.contains("(portal-admin)")
				.contains("/deprovisioning/" + caseId);
		});
	}

	@Test
	void ignoresDeprovisioningStepsThatAreNoEscalation() {
		Person leaver = people.register(TestData.employee("Lea Leaver", manager.getId()), "tester");
		AccessSystem portal = access
			.registerSystem(new SystemDetails(TestData.unique("Carrier portal"), SystemKind.CARRIER_PORTAL, null,
					owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant login = access.issueGrant(new NewGrant(leaver.getId(), portal.getId(), "portal-user", false),
				"tester");
		DeprovisioningCaseId caseId = deprovisioning
			.receiveTermination(new TerminationNotice(TestData.unique("evt"), leaver.getHrId(), Instant.now(),
					TerminationSource.HR_WEBHOOK, "client:hr-webhook"))
			.caseId();

		deprovisioning.confirmManualRemoval(caseId, login.getId(), owner.getUsername());

		assertThat(about(caseId)).isEmpty();
	}

}
