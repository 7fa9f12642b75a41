package io.trunkguard.review;

import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

@Service
@Validated
@Transactional
@EnableConfigurationProperties(ReviewProperties.class)
class DefaultCampaignLifecycleService implements CampaignLifecycleService {

	private final ReviewCampaigns campaigns;

	private final ReviewItems items;

	private final ScopeFreezer freezer;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final ReviewProperties properties;

	private final Clock clock;

	DefaultCampaignLifecycleService(ReviewCampaigns campaigns, ReviewItems items, ScopeFreezer freezer,
			PersonService people, ApplicationEventPublisher events, ReviewProperties properties,
			ObjectProvider<Clock> clock) {
		this.campaigns = campaigns;
		this.items = items;
		this.freezer = freezer;
		this.people = people;
		this.events = events;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional(readOnly = true)
	public void checkTerms(String name, Instant deadline, String overlapReason) {
		ReviewCampaign.checkTerms(name, deadline, clock.instant());
		requireOverlapReason(overlapReason);
	}

	/**
	 * Refuses, without a reason, a campaign whose scope another campaign of this quarter
	 * still takes decisions on; returns the reason to record (null without overlap).
	 */
	private String requireOverlapReason(String overlapReason) {
		Map<String, Long> overlapping = freezer.overlapping(ReviewCampaign.quarterOf(clock.instant()));
		if (overlapping.isEmpty()) {
			return null;
		}
		if (overlapReason == null || overlapReason.isBlank()) {
			Map.Entry<String, Long> first = overlapping.entrySet().iterator().next();
			throw new InvalidInputException("campaign.overlap-reason-required", "Campaign " + first.getKey()
					+ " of this quarter still takes decisions on " + first.getValue() + " of the same grants"
					+ (overlapping.size() > 1 ? " (and " + (overlapping.size() - 1) + " more campaign(s) do too)" : "")
					+ ": end it first, or say why a second campaign must review them again.",
					Map.of("overlapReason", "required"));
		}
		return overlapReason.strip();
	}

	@Override
	public ReviewCampaign start(String name, Instant deadline, UnansweredRule rule, String overlapReason,
			String actor) {
		String reason = requireOverlapReason(overlapReason);
		CampaignId previous = campaigns.findFirstByOrderByStartedAtDesc().map(ReviewCampaign::getId).orElse(null);
		ReviewCampaign opened = ReviewCampaign.open(CampaignId.random(), name, deadline, rule,
				properties.dormantAfter(), previous, actor, clock);
		if (reason != null) {
			opened.overlapJustified(reason);
		}
		ReviewCampaign campaign = campaigns.saveAndFlush(opened);
		List<FrozenItem> frozen = freezer.freeze(campaign, properties.complianceLeads(), clock.instant());
		int reviewers = (int) frozen.stream().map(FrozenItem::reviewerId).distinct().count();
		campaign.scopeFrozen(frozen.size(), reviewers);
		return campaigns.save(campaign);
	}

	@Override
	public ReviewCampaign startScheduled(String actor) {
		Instant now = clock.instant();
		String name = "Access review " + ReviewCampaign.quarterOf(now);
		Map<String, Long> overlapping = freezer.overlapping(ReviewCampaign.quarterOf(now));
		String reason = overlapping.isEmpty() ? null : "Started by the quarterly schedule while "
				+ String.join(", ", overlapping.keySet()) + " still took decisions";
		return start(name, now.plus(properties.campaignLength()).truncatedTo(ChronoUnit.MINUTES),
				properties.unansweredRule(), reason, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignSchedule schedule(CampaignId id) {
		ReviewCampaign campaign = campaigns.require(id);
		Instant deadline = campaign.getDeadline();
		List<Instant> reminders = properties.remindBefore()
			.stream()
			.map(deadline::minus)
			.filter(at -> at.isAfter(campaign.getStartedAt()))
			.sorted()
			.toList();
		return new CampaignSchedule(reminders, deadline, deadline.plus(properties.closeOutAfter()));
	}

	@Override
	public int applyUnansweredRule(CampaignId id) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.endReviews(clock);
		List<ReviewItem> open = items.findByCampaignIdAndClosureIsNull(id);
		open.forEach(item -> item.resolveUnanswered(campaign.getUnansweredRule(), clock));
		items.saveAll(open);
		campaigns.save(campaign);
		events.publishEvent(new UnansweredItemsResolved(id, campaign.getUnansweredRule(), open.size(),
				ReviewItem.SYSTEM_ACTOR, ReviewTime.now(clock)));
		return open.size();
	}

	@Override
	public int endReviewsEarly(CampaignId id, String justification, String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.endEarly(justification, actor, clock);
		List<ReviewItem> open = items.findByCampaignIdAndClosureIsNull(id);
		open.forEach(item -> item.resolveUnanswered(campaign.getUnansweredRule(), clock));
		items.saveAll(open);
		campaigns.save(campaign);
		Instant now = ReviewTime.now(clock);
		events.publishEvent(new UnansweredItemsResolved(id, campaign.getUnansweredRule(), open.size(), actor, now));
		events.publishEvent(new CampaignEndedEarly(id, campaign.getEarlyEndReason(), campaign.getUnansweredRule(),
				open.size(), actor, now));
		return open.size();
	}

	@Override
	public ReviewCampaign close(CampaignId id, String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		CampaignProgress progress = items.progress(id);
		campaign.close(progress.unsettled(), progress.pendingRemediation(), actor, clock);
		return campaigns.save(campaign);
	}

	@Override
	public ReviewCampaign signOff(CampaignId id, String note, String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		boolean reviewedOwn = people.findByUsername(actor)
			.map(signer -> items.countOwnAccessReviewedBy(id, signer.getId(), actor) > 0)
			.orElse(false);
		campaign.signOff(actor, reviewedOwn, note, clock);
		return campaigns.save(campaign);
	}

	@Override
	public void requestReport(CampaignId id) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.requireSignedOff();
		events.publishEvent(new CampaignReportRequested(id, campaign.getClosedAt(), ReviewTime.now(clock)));
	}

}
