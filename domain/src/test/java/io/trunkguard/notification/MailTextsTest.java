package io.trunkguard.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of each message: what, which campaign or person, by when, and the link to act
 * on it.
 */
class MailTextsTest {

	static final String CAMPAIGN = "6f1c2b9e-0000-4000-8000-000000000001";
	static final String CASE = "0a7e5d3c-0000-4000-8000-000000000002";
	static final Instant DEADLINE = Instant.parse("2026-12-11T17:00:00Z");

	final MailTexts texts = new MailTexts(new NotificationProperties("https://trunkguard.example.test/",
			"noreply@example.test", List.of("compliance-lead"), ZoneId.of("UTC"), 8, Duration.ofMinutes(1),
			Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30)));

	final Recipient olga = new Recipient("olga", "Olga Owner", "olga@example.test");

	final Recipient manny = new Recipient("manny", "Manny Manager", "manny@example.test");

	@Test
	void remindsTheReviewerOfWhatIsOpenWhichCampaignTheDeadlineAndTheInboxLink() {
		MailDraft mail = texts.reviewReminder(olga, CAMPAIGN, "Q4 2026 access review", 12, DEADLINE);

		assertThat(mail.kind()).isEqualTo(MessageKind.REVIEW_REMINDER);
		assertThat(mail.recipient()).isEqualTo(olga);
		assertThat(mail.subject())
			.isEqualTo("Reminder: 12 access review items to review by 11 Dec 2026 (Q4 2026 access review)");
		assertThat(mail.body()).startsWith("Hello Olga Owner,\n\n")
			.contains("You still have 12 access review items to decide in the access review \"Q4 2026 access review\".")
			.contains("The deadline is Friday 11 December 2026, 17:00 UTC.")
			.contains("choose keep, revoke or reduce")
			.contains("Open your inbox: https://trunkguard.example.test/reviews/" + CAMPAIGN + "/inbox\n")
			.contains("escalated to your manager or the compliance lead");
		assertThat(mail.referenceType()).isEqualTo("ReviewCampaign");
		assertThat(mail.referenceId()).isEqualTo(CAMPAIGN);
	}

	@Test
	void speaksOfOneItemInTheSingular() {
		MailDraft mail = texts.reviewReminder(olga, CAMPAIGN, "Q4", 1, DEADLINE);

		assertThat(mail.subject()).startsWith("Reminder: 1 access review item to review by");
		assertThat(mail.body()).contains("You still have 1 access review item to decide");
	}

	@Test
	void writesDatesInTheConfiguredZone() {
		MailTexts berlin = new MailTexts(
				new NotificationProperties("http://127.0.0.1:8080", "a@b.test", List.of(), ZoneId.of("Europe/Berlin"),
						8, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30)));

		assertThat(berlin.reviewReminder(olga, CAMPAIGN, "Q4", 3, DEADLINE).body())
			.contains("The deadline is Friday 11 December 2026, 18:00 Europe/Berlin.");
	}

	@Test
	void escalatesToTheManagerNamingTheLateReviewerAndTheOpenItems() {
		MailDraft mail = texts.reviewEscalation(manny, true, olga, CAMPAIGN, "Q4 2026 access review", 3, DEADLINE);

		assertThat(mail.kind()).isEqualTo(MessageKind.REVIEW_ESCALATION);
		assertThat(mail.recipient()).isEqualTo(manny);
		assertThat(mail.subject()).isEqualTo(
				"Escalation: Olga Owner missed the review deadline (Q4 2026 access review, 3 access review items open)");
		assertThat(mail.body()).startsWith("Hello Manny Manager,")
			.contains("Olga Owner (olga) did not finish their part of the access review \"Q4 2026 access review\"")
			.contains("by its deadline, Friday 11 December 2026, 17:00 UTC. 3 access review items are still undecided.")
			.contains("You receive this as their manager.")
			.contains("Campaign: https://trunkguard.example.test/reviews/" + CAMPAIGN + "\n");
	}

	@Test
	void tellsAComplianceLeadWhyTheEscalationCameToThem() {
		Recipient lead = new Recipient("compliance-lead", "Priya Natarajan", "priya@example.test");

		MailDraft mail = texts.reviewEscalation(lead, false, olga, CAMPAIGN, "Q4", 1, DEADLINE);

		assertThat(mail.body()).contains("1 access review item is still undecided.")
			.contains("You receive this as a compliance lead, since no active manager is known for them.")
			.doesNotContain("as their manager");
	}

	@Test
	void escalatesAMissedRemovalSlaWithThePersonTheSystemTheDueTimeAndTheCase() {
		Recipient lead = new Recipient("compliance-lead", "Priya Natarajan", "priya@example.test");

		MailDraft mail = texts.removalEscalation(lead, "Leo Leaver", "HR-2042", "Carrier portal", "portal-admin",
				Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-21T09:00:00Z"), CASE);

		assertThat(mail.kind()).isEqualTo(MessageKind.REMOVAL_ESCALATION);
		assertThat(mail.subject()).isEqualTo("Escalation: access of Leo Leaver to Carrier portal not removed in time");
		assertThat(mail.body()).contains(
				"Leo Leaver (HR id HR-2042) has left; the HR termination took effect Friday 20 November 2026, 09:00 UTC.")
			.contains(
					"Their access to Carrier portal (portal-admin) had to be removed by Saturday 21 November 2026, 09:00 UTC,")
			.contains("The SLA is missed.")
			.contains("Deprovisioning case: https://trunkguard.example.test/deprovisioning/" + CASE);
		assertThat(mail.referenceType()).isEqualTo("DeprovisioningCase");
		assertThat(mail.referenceId()).isEqualTo(CASE);
	}

}
