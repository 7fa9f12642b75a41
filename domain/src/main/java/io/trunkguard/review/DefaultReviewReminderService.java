package io.trunkguard.review;

import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.util.Optional;

@Service
@Validated
@Transactional
class DefaultReviewReminderService implements ReviewReminderService {

	private final ReviewCampaigns campaigns;

	private final ReviewItems items;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<ReviewerEligibility> eligibility;

	DefaultReviewReminderService(ReviewCampaigns campaigns, ReviewItems items, PersonService people,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			ObjectProvider<ReviewerEligibility> eligibility) {
		this.eligibility = eligibility;
		this.campaigns = campaigns;
		this.items = items;
		this.people = people;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public boolean remind(CampaignId id, String reviewer) {
		return remind(id, reviewer, ReviewItem.SYSTEM_ACTOR);
	}

	@Override
	public boolean remind(CampaignId id, String reviewer, String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		long open = items.countByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		if (open == 0 || !campaign.isOpen() || mayNotDecide(reviewer)) {
			return false;
		}
		events.publishEvent(
				new ReviewReminderSent(id, reviewer, (int) open, campaign.getDeadline(), actor, ReviewTime.now(clock)));
		return true;
	}

	@Override
	public String escalate(CampaignId id, String reviewer) {
		ReviewCampaign campaign = campaigns.require(id);
		long open = items.countByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		if (open == 0 || !campaign.isOpen()) {
			return null;
		}
		String target = people.findByUsername(reviewer)
			.map(Person::getManagerId)
			.flatMap(this::person)
			.filter(manager -> manager.isActive() && manager.getUsername() != null)
			.map(Person::getUsername)
			.orElse("group:" + COMPLIANCE_LEAD_GROUP);
		events.publishEvent(new ReviewEscalated(id, reviewer, target, (int) open, ReviewTime.now(clock)));
		return target;
	}

	/**
	 * A person who may not decide (an auditor, a disabled login) is not reminded of items
	 * they cannot act on: a lead reassigns them instead.
	 */
	private boolean mayNotDecide(String reviewer) {
		ReviewerEligibility check = eligibility.getIfAvailable();
		return check != null && check.refusal(reviewer).isPresent();
	}

	private Optional<Person> person(io.trunkguard.people.PersonId id) {
		try {
			return Optional.of(people.get(id));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

}
