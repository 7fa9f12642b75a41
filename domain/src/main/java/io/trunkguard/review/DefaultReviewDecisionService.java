package io.trunkguard.review;

import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
@Validated
@Transactional
class DefaultReviewDecisionService implements ReviewDecisionService {

	private final ReviewCampaigns campaigns;

	private final ReviewItems items;

	private final ReviewComments comments;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultReviewDecisionService(ReviewCampaigns campaigns, ReviewItems items, ReviewComments comments,
			PersonService people, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.campaigns = campaigns;
		this.items = items;
		this.comments = comments;
		this.people = people;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public List<ReviewItem> decide(Collection<ReviewItemId> itemIds, Decision decision, String reducedTo,
			String justification, String actor) {
		Set<ReviewItemId> wanted = new LinkedHashSet<>(itemIds);
		Map<ReviewItemId, ReviewItem> found = items.findByIdIn(wanted)
			.stream()
			.collect(Collectors.toMap(ReviewItem::getId, Function.identity()));
		for (ReviewItemId id : wanted) {
			if (!found.containsKey(id)) {
				throw new NotFoundException("ReviewItem", id);
			}
		}
		PersonId actorId = personOf(actor).map(Person::getId).orElse(null);
		Set<CampaignId> checked = new HashSet<>();
		List<ReviewItem> decided = new ArrayList<>(wanted.size());
		for (ReviewItemId id : wanted) {
			ReviewItem item = found.get(id);
			if (checked.add(item.getCampaignId())) {
				campaigns.require(item.getCampaignId()).requireReviewing();
			}
			item.decide(decision, reducedTo, justification, actorId, actor, clock);
			decided.add(item);
		}
		return items.saveAll(decided);
	}

	@Override
	public int submit(CampaignId id, String reviewer) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.requireReviewing();
		PersonId reviewerId = personOf(reviewer).map(Person::getId)
			.orElseThrow(() -> new ReviewDeniedException("item.not-reviewer", reviewer + " is not a known person"));
		List<ReviewItem> open = items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		if (open.isEmpty()) {
			throw new InvalidStateException("campaign.nothing-to-submit",
					reviewer + " has no open items in campaign " + campaign.getName());
		}
		List<ReviewItem> undecided = open.stream().filter(i -> i.getDecision() == null).toList();
		if (!undecided.isEmpty()) {
			throw new InvalidStateException("campaign.items-undecided", undecided.size() + " of your " + open.size()
					+ " items are not decided yet (first: " + undecided.get(0) + ")");
		}
		open.forEach(item -> item.submit(reviewerId, reviewer, clock));
		items.saveAll(open);
		events.publishEvent(new ReviewSubmitted(id, reviewerId, reviewer, open.size(), ReviewTime.now(clock)));
		return open.size();
	}

	@Override
	public ReviewItem reassign(ReviewItemId itemId, String newReviewer, String actor) {
		ReviewItem item = items.require(itemId);
		campaigns.require(item.getCampaignId()).requireReviewing();
		Person reviewer = personOf(newReviewer).filter(Person::isActive)
			.orElseThrow(
					() -> new InvalidInputException("item.reviewer-unknown", newReviewer + " is not an active person"));
		String previous = item.getReviewerUsername();
		item.reassign(reviewer.getId(), reviewer.getUsername());
		ReviewItem saved = items.save(item);
		events.publishEvent(new ItemReassigned(itemId, item.getCampaignId(), previous, reviewer.getUsername(), actor,
				ReviewTime.now(clock)));
		return saved;
	}

	@Override
	public int reassignAll(CampaignId id, String fromReviewer, String toReviewer, String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.requireReviewing();
		if (fromReviewer.strip().equals(toReviewer.strip())) {
			throw new InvalidInputException("reassign.same-reviewer", "the items are already " + toReviewer + "'s",
					Map.of("to", "same reviewer"));
		}
		Person reviewer = personOf(toReviewer.strip()).filter(Person::isActive)
			.orElseThrow(() -> new InvalidInputException("item.reviewer-unknown",
					toReviewer + " is not an active person with a login", Map.of("to", "unknown")));
		List<ReviewItem> open = items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(id, fromReviewer);
		if (open.isEmpty()) {
			throw new InvalidStateException("reassign.nothing-open",
					fromReviewer + " has no unsubmitted items in campaign " + campaign.getName());
		}
		List<ReviewItem> own = open.stream().filter(i -> i.getPersonId().equals(reviewer.getId())).toList();
		if (!own.isEmpty()) {
			throw new ReviewDeniedException("item.self-review",
					reviewer.getUsername() + " cannot review their own access: " + own.size() + " of " + fromReviewer
							+ "'s items are " + reviewer.getUsername() + "'s (first: " + own.get(0)
							+ "); nothing was reassigned");
		}
		Instant at = ReviewTime.now(clock);
		for (ReviewItem item : open) {
			item.reassign(reviewer.getId(), reviewer.getUsername());
		}
		items.saveAll(open);
		for (ReviewItem item : open) {
			events.publishEvent(new ItemReassigned(item.getId(), id, fromReviewer, reviewer.getUsername(), actor, at));
		}
		return open.size();
	}

	@Override
	public ReviewComment comment(ReviewItemId itemId, String body, String actor, boolean complianceLead) {
		ReviewItem item = items.require(itemId);
		item.requireCommenter(actor, complianceLead);
		ReviewComment comment = comments.save(new ReviewComment(item, body, actor, ReviewTime.now(clock)));
		events.publishEvent(
				new ItemCommented(itemId, item.getCampaignId(), actor, comment.getBody(), comment.getCreatedAt()));
		return comment;
	}

	private Optional<Person> personOf(String username) {
		return username == null ? Optional.empty() : people.findByUsername(username);
	}

}
