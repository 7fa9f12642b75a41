package io.trunkguard.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.Locale;

/**
 * The words of each message: plain text a reviewer or compliance lead understands without
 * knowing Trunkguard's insides: what happened, which campaign or person, by when, and the
 * link to act on it. Pure: no lookups.
 */
final class MailTexts {

	static final String CAMPAIGN = "ReviewCampaign";
	static final String CASE = "DeprovisioningCase";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
			Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final NotificationProperties properties;

	private final Supplier<String> baseUrl;

	/** Texts whose links start with the configured base URL (tests). */
	MailTexts(NotificationProperties properties) {
		this(properties, properties::baseUrl);
	}

	MailTexts(NotificationProperties properties, Supplier<String> baseUrl) {
		this.properties = properties;
		this.baseUrl = baseUrl;
	}

	/**
	 * The path of a reviewer's inbox in a campaign (what the link in a reminder opens).
	 */
	static String inboxPath(String campaignId) {
		return "/reviews/" + campaignId + "/inbox";
	}

	static String campaignPath(String campaignId) {
		return "/reviews/" + campaignId;
	}

	static String casePath(String caseId) {
		return "/deprovisioning/" + caseId;
	}

	MailDraft reviewReminder(Recipient to, String campaignId, String campaignName, int openItems, Instant deadline) {
		String subject = "Reminder: " + items(openItems) + " to review by " + date(deadline) + " (" + campaignName
				+ ")";
		String body = greeting(to) + "You still have " + items(openItems) + " to decide in the access review \""
				+ campaignName + "\".\n" + "The deadline is " + dateTime(deadline) + ".\n\n"
				+ "For each item, choose keep, revoke or reduce. Revoke and reduce need a short justification, and so does\n"
				+ "keeping privileged access. When every item is decided, submit your review.\n\n" + "Open your inbox: "
				+ link(inboxPath(campaignId)) + "\n\n"
				+ "Items still open after the deadline are escalated to your manager or the compliance lead.\n"
				+ signature("you are a reviewer in this campaign");
		return new MailDraft(MessageKind.REVIEW_REMINDER, to, subject, body, CAMPAIGN, campaignId);
	}

	MailDraft reviewEscalation(Recipient to, boolean toManager, Recipient reviewer, String campaignId,
			String campaignName, int openItems, Instant deadline) {
		String subject = "Escalation: " + reviewer.name() + " missed the review deadline (" + campaignName + ", "
				+ items(openItems) + " open)";
		String body = greeting(to) + reviewer.describe() + " did not finish their part of the access review \""
				+ campaignName + "\"\n" + "by its deadline, " + dateTime(deadline) + ". " + capital(items(openItems))
				+ " " + (openItems == 1 ? "is" : "are") + " still undecided.\n\n"
				+ (toManager
						? "You receive this as their manager. Please ask them to finish their review now; a compliance lead can\n"
								+ "also move the items to another reviewer.\n\n"
						: "You receive this as a compliance lead, since no active manager is known for them. Please ask them to\n"
								+ "finish, or move their items to another reviewer on the campaign page.\n\n")
				+ "Campaign: " + link(campaignPath(campaignId)) + "\n" + signature(toManager
						? "a person who reports to you missed a review deadline" : "you are a compliance lead");
		return new MailDraft(MessageKind.REVIEW_ESCALATION, to, subject, body, CAMPAIGN, campaignId);
	}

	MailDraft removalEscalation(Recipient to, String leaverName, String hrId, String systemName, String entitlement,
			Instant leftAt, Instant slaDueAt, String caseId) {
		String access = entitlement == null ? "their access to " + systemName
				: "their access to " + systemName + " (" + entitlement + ")";
		String subject = "Escalation: access of " + leaverName + " to " + systemName + " not removed in time";
		String body = greeting(to) + leaverName + " (HR id " + hrId + ") has left; the HR termination took effect "
				+ dateTime(leftAt) + ".\n" + capital(access) + " had to be removed by "
				+ (slaDueAt == null ? "the agreed time" : dateTime(slaDueAt)) + ",\n"
				+ "but the system owner has not confirmed the removal. The SLA is missed.\n\n"
				+ "Please have the access removed now and confirm the removal on the escalated task in the task list,\n"
				+ "or chase the system owner. The case stays open until every access is removed.\n\n"
				+ "Deprovisioning case: " + link(casePath(caseId)) + "\n" + signature("you are a compliance lead");
		return new MailDraft(MessageKind.REMOVAL_ESCALATION, to, subject, body, CASE, caseId);
	}

	private String link(String path) {
		return baseUrl.get() + path;
	}

	private static String greeting(Recipient to) {
		return "Hello " + to.name() + ",\n\n";
	}

	private static String signature(String why) {
		return "\n-- \nTrunkguard, access governance\nYou receive this message because " + why + ".\n";
	}

	private String dateTime(Instant at) {
		return DATE_TIME.format(at.atZone(properties.zone())) + " " + zoneName();
	}

	private String date(Instant at) {
		return DATE.format(at.atZone(properties.zone()));
	}

	private String zoneName() {
		return "Z".equals(properties.zone().getId()) ? "UTC" : properties.zone().getId();
	}

	private static String items(int n) {
		return n + (n == 1 ? " access review item" : " access review items");
	}

	private static String capital(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
