package io.trunkguard.notification;

import io.trunkguard.access.AccessService;
import io.trunkguard.access.GrantId;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.DeprovisioningStepRecorded;
import io.trunkguard.deprovisioning.Step;
import io.trunkguard.deprovisioning.StepKind;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewEscalated;
import io.trunkguard.review.ReviewReminderSent;
import io.trunkguard.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Objects;

/**
 * Turns review and deprovisioning events into mail in the outbox, synchronously in the
 * transaction that published the event: the reminder or escalation and its message commit
 * or roll back together, so none is lost and none is sent for a change that did not
 * happen.
 * <ul>
 * <li>{@link ReviewReminderSent}: to the reviewer.</li>
 * <li>{@link ReviewEscalated}: to the reviewer's manager, or every compliance lead when
 * escalated to the group.</li>
 * <li>{@link DeprovisioningStepRecorded} of kind {@link StepKind#ESCALATED} (a manual
 * removal missed its SLA): to every compliance lead.</li>
 * </ul>
 */
@Component
class NotificationListeners {

	private final DefaultOutbox outbox;

	private final Recipients recipients;

	private final MailTexts texts;

	private final CampaignQueryService queries;

	private final DeprovisioningService deprovisioning;

	private final PersonService people;

	private final AccessService access;

	NotificationListeners(DefaultOutbox outbox, Recipients recipients, NotificationProperties properties,
			CampaignQueryService queries, DeprovisioningService deprovisioning, PersonService people,
			AccessService access, MailLinkBase baseUrl) {
		this.outbox = outbox;
		this.recipients = recipients;
		this.texts = new MailTexts(properties, baseUrl);
		this.queries = queries;
		this.deprovisioning = deprovisioning;
		this.people = people;
		this.access = access;
	}

	@EventListener
	void on(ReviewReminderSent event) {
		ReviewCampaign campaign = queries.get(event.campaignId());
		outbox.write(texts.reviewReminder(recipients.person(event.reviewerUsername()), event.campaignId().toString(),
				campaign.getName(), event.openItems(),
				event.deadline() == null ? campaign.getDeadline() : event.deadline()));
	}

	@EventListener
	void on(ReviewEscalated event) {
		ReviewCampaign campaign = queries.get(event.campaignId());
		Recipient reviewer = recipients.person(event.reviewerUsername());
		boolean toManager = !Recipients.isGroup(event.escalatedTo());
		for (Recipient to : recipients.target(event.escalatedTo())) {
			outbox.write(texts.reviewEscalation(to, toManager, reviewer, event.campaignId().toString(),
					campaign.getName(), event.openItems(), campaign.getDeadline()));
		}
	}

	@EventListener
	void on(DeprovisioningStepRecorded event) {
		if (event.kind() != StepKind.ESCALATED) {
			return;
		}
		DeprovisioningCase c = deprovisioning.get(event.caseId());
		String leaverName = c.getUsername() == null ? "HR id " + c.getHrId() : c.getUsername();
		try {
			leaverName = people.get(c.getPersonId()).getFullName();
		}
		catch (NotFoundException unknown) {
			// keep the username: the message still goes out
		}
		Instant slaDueAt = c.getSteps()
			.stream()
			.filter(s -> s.getKind() == StepKind.ESCALATED && s.getGrantId() != null
					&& Objects.equals(s.getGrantId().toString(), event.grantId()))
			.reduce((first, second) -> second)
			.map(Step::getSlaDueAt)
			.orElse(null);
		String entitlement = entitlementOf(event.grantId());
		for (Recipient to : recipients.complianceLeads()) {
			outbox.write(texts.removalEscalation(to, leaverName, c.getHrId(), event.systemName(), entitlement,
					c.getEffectiveAt(), slaDueAt, event.caseId().toString()));
		}
	}

	private String entitlementOf(String grantId) {
		if (grantId == null) {
			return null;
		}
		try {
			return access.getGrant(GrantId.of(grantId)).getEntitlement();
		}
		catch (NotFoundException | IllegalArgumentException unknown) {
			return null;
		}
	}

}
