package io.trunkguard.notification;

import io.trunkguard.trace.CertificateExpiryAlert;
import io.trunkguard.trace.EncryptionRemediationEscalated;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.QuestionnaireLinkIssued;
import io.trunkguard.questionnaire.QuestionnaireReminderDue;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.CarrierDocumentExpiring;
import io.trunkguard.vendorreview.CarrierReview;
import io.trunkguard.vendorreview.CarrierReviewEvent;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.ReviewConditionEscalated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/**
 * Mail about carriers, written to the outbox in the transaction of the event: the
 * questionnaire link to the carrier's contact (the only place its token is written),
 * reminders before the link expires, and a rejection to the carrier's owner.
 */
@Component
class CarrierNotificationListeners {

	private final DefaultOutbox outbox;

	private final NotificationProperties properties;

	private final VendorService vendors;

	private final PersonService people;

	private final CarrierReviewService reviews;

	private final DateTimeFormatter dates;

	private final MailLinkBase baseUrl;

	private final Recipients recipients;

	CarrierNotificationListeners(DefaultOutbox outbox, NotificationProperties properties, VendorService vendors,
			PersonService people, CarrierReviewService reviews, MailLinkBase baseUrl, Recipients recipients) {
		this.outbox = outbox;
		this.recipients = recipients;
		this.baseUrl = baseUrl;
		this.properties = properties;
		this.vendors = vendors;
		this.people = people;
		this.reviews = reviews;
		this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(properties.zone());
	}

	@EventListener
	void on(QuestionnaireLinkIssued link) {
		Recipient to = new Recipient(null, link.contactName(), link.contactEmail());
		String subject = "Security questionnaire from Trunkguard for " + link.vendorName();
		String body = "Dear " + link.contactName() + ",\n\n" + "as part of our annual review of " + link.vendorName()
				+ " as our carrier, we ask you to answer a short security questionnaire.\n\n"
				+ "Open it here (no account needed; you can save and come back):\n" + baseUrl.get() + "/q/"
				+ link.token() + "\n\n" + "The link is for you only and works until " + dates.format(link.expiresAt())
				+ ". Once you submit, it shows your answers as a receipt.\n\n" + "Sent on behalf of " + link.sentBy()
				+ ".";
		outbox.write(new MailDraft(MessageKind.QUESTIONNAIRE_LINK, to, subject, body, "Questionnaire",
				link.questionnaireId().toString()));
	}

	@EventListener
	void on(QuestionnaireReminderDue due) {
		Recipient to = new Recipient(null, due.contactName(), due.contactEmail());
		String subject = "Reminder: the security questionnaire for " + due.vendorName() + " closes in " + due.daysLeft()
				+ " day(s)";
		String body = "Dear " + due.contactName() + ",\n\nthe security questionnaire we sent you for "
				+ due.vendorName() + " is not submitted yet. Its link, in our earlier message, works until "
				+ dates.format(due.expiresAt())
				+ ". If you cannot find it, reply and we will send a new one (the old link then stops working).";
		outbox.write(new MailDraft(MessageKind.QUESTIONNAIRE_REMINDER, to, subject, body, "Questionnaire",
				due.questionnaireId().toString()));
	}

	@EventListener
	void on(CarrierReviewEvent event) {
		if (!CarrierReviewEvent.REJECTION_NOTIFIED.equals(event.action())) {
			return;
		}
		Vendor vendor = vendors.get(event.vendorId());
		CarrierReview review = reviews.get(event.reviewId());
		Recipient to;
		try {
			Person owner = people.get(vendor.getOwnerId());
			to = new Recipient(owner.getUsername(), owner.getFullName(), owner.getEmail());
		}
		catch (NotFoundException e) {
			to = Recipient.unknown("owner of " + vendor.getName());
		}
		String subject = "Annual review: " + vendor.getName() + " was rejected";
		String body = "The annual review of " + vendor.getName() + ", which you own, was rejected by "
				+ review.getDecidedBy() + ".\n\nRationale: " + review.getRationale() + "\n\nThe review: "
				+ baseUrl.get() + "/vendors/" + vendor.getId();
		outbox.write(new MailDraft(MessageKind.CARRIER_REJECTED, to, subject, body, "CarrierReview",
				event.reviewId().toString()));
	}

	@EventListener
	void on(CarrierDocumentExpiring expiring) {
		Vendor vendor = vendors.get(expiring.vendorId());
		String subject;
		String body;
		if (expiring.isNoticeDeadline()) {
			subject = "Notice deadline: " + expiring.document() + " of " + expiring.vendorName()
					+ " renews itself unless notice is given in " + expiring.daysLeft() + " day(s)";
			body = expiring.document() + " of " + expiring.vendorName() + " renews itself on " + expiring.renewsOn()
					+ " unless notice is given by " + expiring.expiresOn() + ", in " + expiring.daysLeft()
					+ " day(s). Decide whether to keep the carrier on these terms; to end or renegotiate the "
					+ "contract, give notice before that day and record the new term on the carrier page:\n"
					+ baseUrl.get() + "/vendors/" + vendor.getId() + "#contracts";
		}
		else {
			subject = expiring.document() + " of " + expiring.vendorName() + " ends in " + expiring.daysLeft()
					+ " day(s)";
			body = expiring.document() + " of " + expiring.vendorName() + " ends on " + expiring.expiresOn() + ", in "
					+ expiring.daysLeft() + " day(s). Ask the carrier for its successor and record it on the "
					+ "carrier page, so the annual review finds it valid:\n" + baseUrl.get() + "/vendors/"
					+ vendor.getId() + "#documents";
		}
		body += "\n\nYou receive this " + expiring.thresholdDays() + "-day reminder once; the next comes "
				+ (expiring.thresholdDays() > 7 ? "closer to the date." : "not.");
		for (Recipient to : ownerAndLeads(vendor, false)) {
			outbox.write(new MailDraft(MessageKind.CARRIER_DOCUMENT_EXPIRING, to, subject, body, "Vendor",
					vendor.getId().toString()));
		}
	}

	@EventListener
	void on(ReviewConditionEscalated overdue) {
		Vendor vendor = vendors.get(overdue.vendorId());
		String subject = "Overdue: a condition of the approval of " + overdue.vendorName();
		String body = "The annual review of " + overdue.vendorName() + " approved it on a condition that "
				+ overdue.owner() + " was to meet by " + overdue.dueOn() + ", and it is still open:\n\n\""
				+ overdue.text() + "\"\n\nFollow it up with " + overdue.owner()
				+ ", then close it on the carrier page with a note:\n" + baseUrl.get() + "/vendors/" + vendor.getId()
				+ "#conditions";
		for (Recipient to : ownerAndLeads(vendor, true)) {
			outbox.write(new MailDraft(MessageKind.CARRIER_CONDITION_OVERDUE, to, subject, body, "ReviewCondition",
					overdue.conditionId().toString()));
		}
	}

	@EventListener
	void on(EncryptionRemediationEscalated overdue) {
		Vendor vendor = vendors.get(overdue.vendorId());
		String subject = "Overdue: encryption remediation of " + overdue.vendorName() + "'s trunk " + overdue.trunk();
		String body = overdue.ownerName() + ", who owns " + overdue.vendorName() + ", was to remediate the "
				+ overdue.cause().label().toLowerCase(java.util.Locale.ROOT) + " on the trunk " + overdue.trunk()
				+ " by " + overdue.dueOn() + ", and the task is still open.\n\nWhat the capture showed: "
				+ overdue.description() + "\n\nFollow it up with " + overdue.ownerName()
				+ ". The task closes with a newer capture of the trunk that is encrypted, or a compliance lead "
				+ "(not the owner) accepts the risk with a justification, on the carrier page:\n" + baseUrl.get()
				+ "/vendors/" + vendor.getId() + "#carrier-remediations";
		for (Recipient to : ownerAndLeads(vendor, true)) {
			outbox.write(new MailDraft(MessageKind.ENCRYPTION_REMEDIATION_OVERDUE, to, subject, body,
					"EncryptionRemediation", overdue.remediationId().toString()));
		}
	}

	/**
	 * The carrier's owner (or, when {@code ownersManager}, the owner's manager) and the
	 * compliance leads, each once.
	 */
	private java.util.List<Recipient> ownerAndLeads(Vendor vendor, boolean ownersManager) {
		java.util.Map<String, Recipient> to = new java.util.LinkedHashMap<>();
		try {
			Person owner = people.get(vendor.getOwnerId());
			Person person = ownersManager && owner.getManagerId() != null ? people.get(owner.getManagerId()) : owner;
			if (person.getEmail() != null && !person.getEmail().isBlank()) {
				to.put(person.getEmail(), new Recipient(person.getUsername(), person.getFullName(), person.getEmail()));
			}
		}
		catch (NotFoundException e) {
			// no owner on record: the leads still hear of it
		}
		for (Recipient lead : recipients.complianceLeads()) {
			to.putIfAbsent(lead.email() == null ? lead.name() : lead.email(), lead);
		}
		return java.util.List.copyOf(to.values());
	}

	@EventListener
	void on(CertificateExpiryAlert alert) {
		Recipient to = Recipient.unknown("compliance-lead");
		String owned = "";
		if (alert.vendorId() != null) {
			try {
				Vendor vendor = vendors.get(alert.vendorId());
				Person owner = people.get(vendor.getOwnerId());
				to = new Recipient(owner.getUsername(), owner.getFullName(), owner.getEmail());
				owned = ", which belongs to " + vendor.getName() + " (a carrier you own)";
			}
			catch (NotFoundException e) {
				// the compliance lead then
			}
		}
		String subject = "Certificate " + alert.subject() + " expires on " + alert.notAfter();
		String body = "The certificate " + alert.subject() + owned + " expires on " + alert.notAfter() + ", in "
				+ alert.daysLeft() + " day(s); it was seen at " + alert.where() + ".\n\nSHA-256 fingerprint: "
				+ alert.fingerprint() + "\n\nAsk for the renewed certificate (and its fingerprint, if you pin it) "
				+ "before then. The watch list: " + baseUrl.get() + "/certificates";
		outbox.write(new MailDraft(MessageKind.CERTIFICATE_EXPIRY, to, subject, body, "WatchedCertificate",
				alert.certificateId().toString()));
	}

}
