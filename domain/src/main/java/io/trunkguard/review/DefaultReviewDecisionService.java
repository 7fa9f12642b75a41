package io.trunkguard.review;

import io.trunkguard.access.SystemId;
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

	private final ObjectProvider<ReviewerEligibility> eligibility;

	DefaultReviewDecisionService(ReviewCampaigns campaigns, ReviewItems items, ReviewComments comments,
			PersonService people, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			ObjectProvider<ReviewerEligibility> eligibility) {
		this.eligibility = eligibility;
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
		Map<ReviewItemId, ReviewItem> found = items.findByIds(wanted)
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
			.orElseThrow(() -> new ReviewDeniedException("item.not-reviewer", reviewer + " is not a known person."));
		List<ReviewItem> open = items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		if (open.isEmpty()) {
			throw new InvalidStateException("campaign.nothing-to-submit",
					reviewer + " has no open items in campaign " + campaign.getName() + ".");
		}
		List<ReviewItem> undecided = open.stream().filter(i -> i.getDecision() == null).toList();
		if (!undecided.isEmpty()) {
			throw new InvalidStateException("campaign.items-undecided", undecided.size() + " of your " + open.size()
					+ " items are not decided yet (the first is the " + undecided.get(0).describe() + ").");
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
		Person reviewer = requireDecider(newReviewer);
		if (item.getPersonId().equals(reviewer.getId())) {
			throw new ReviewDeniedException("item.self-review", ownAccess(item, reviewer));
		}
		String previous = item.getReviewerUsername();
		item.reassign(reviewer.getId(), reviewer.getUsername());
		ReviewItem saved = items.save(item);
		events.publishEvent(new ItemReassigned(itemId, item.getCampaignId(), previous, reviewer.getUsername(), actor,
				ReviewTime.now(clock)));
		return saved;
	}

	@Override
	public Reassignment reassignItems(CampaignId id, Collection<ReviewItemId> itemIds, String toReviewer,
			String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.requireReviewing();
		Set<ReviewItemId> wanted = new LinkedHashSet<>(itemIds);
		List<ReviewItem> found = items.findByIdIn(wanted);
		if (found.size() != wanted.size()) {
			throw new NotFoundException("ReviewItem",
					wanted.stream()
						.filter(w -> found.stream().noneMatch(i -> i.getId().equals(w)))
						.findFirst()
						.orElseThrow());
		}
		for (ReviewItem item : found) {
			if (!item.getCampaignId().equals(id)) {
				throw new InvalidInputException("reassign.other-campaign",
						"The item " + item.describe() + " belongs to another campaign.");
			}
			if (item.isSettled()) {
				throw new InvalidStateException("reassign.settled",
						"The item " + item.describe() + " is already submitted and can no longer move.");
			}
		}
		return move(found, toReviewer, actor);
	}

	@Override
	public Reassignment reassignSystem(CampaignId id, String fromReviewer, SystemId systemId, String toReviewer,
			String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.requireReviewing();
		List<ReviewItem> open = items.findOpenOfReviewerOnSystem(id, fromReviewer, systemId);
		if (open.isEmpty()) {
			throw new InvalidStateException("reassign.nothing-open",
					fromReviewer + " has no unsubmitted items on that system in campaign " + campaign.getName() + ".");
		}
		return move(open, toReviewer, actor);
	}

	@Override
	public Reassignment reassignAll(CampaignId id, String fromReviewer, String toReviewer, String actor) {
		ReviewCampaign campaign = campaigns.require(id);
		campaign.requireReviewing();
		if (fromReviewer.strip().equals(toReviewer.strip())) {
			throw new InvalidInputException("reassign.same-reviewer",
					"The items are already " + toReviewer.strip() + "'s: choose another reviewer.",
					Map.of("to", "same reviewer"));
		}
		List<ReviewItem> open = items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(id, fromReviewer);
		if (open.isEmpty()) {
			throw new InvalidStateException("reassign.nothing-open",
					fromReviewer + " has no unsubmitted items in campaign " + campaign.getName() + ".");
		}
		return move(open, toReviewer, actor);
	}

	/**
	 * Moves each item to the new reviewer, except those of their own access, which stay
	 * where they are (named in the result).
	 */
	private Reassignment move(List<ReviewItem> candidates, String toReviewer, String actor) {
		Person reviewer = requireDecider(toReviewer);
		Instant at = ReviewTime.now(clock);
		List<String> kept = new ArrayList<>();
		List<ReviewItem> moved = new ArrayList<>();
		List<String> previous = new ArrayList<>();
		for (ReviewItem item : candidates) {
			if (item.getPersonId().equals(reviewer.getId())) {
				kept.add(ownAccess(item, reviewer));
			}
			else if (!reviewer.getUsername().equals(item.getReviewerUsername())) {
				previous.add(item.getReviewerUsername());
				item.reassign(reviewer.getId(), reviewer.getUsername());
				moved.add(item);
			}
		}
		items.saveAll(moved);
		for (int i = 0; i < moved.size(); i++) {
			ReviewItem item = moved.get(i);
			events.publishEvent(new ItemReassigned(item.getId(), item.getCampaignId(), previous.get(i),
					reviewer.getUsername(), actor, at));
		}
		return new Reassignment(reviewer.getUsername(), moved.size(), kept);
	}

	private static String ownAccess(ReviewItem item, Person reviewer) {
		return "The " + item.getEntitlement() + " role of " + item.getPersonName() + " on " + item.getSystemName()
				+ " stays with " + item.getReviewerUsername() + ": it is " + reviewer.getFullName()
				+ "'s own access, which nobody reviews for themselves.";
	}

	/**
	 * The active person with a login who may decide review items; refuses anyone else
	 * with a sentence saying why.
	 */
	private Person requireDecider(String username) {
		String wanted = username == null ? "" : username.strip();
		Person reviewer = personOf(wanted).filter(Person::isActive)
			.filter(p -> p.getUsername() != null)
			.orElseThrow(() -> new InvalidInputException("item.reviewer-unknown",
					"Nobody active with the username " + wanted + " can take over review items.",
					Map.of("to", "unknown")));
		ReviewerEligibility check = eligibility.getIfAvailable();
		if (check != null) {
			check.refusal(reviewer.getUsername()).ifPresent(why -> {
				throw new InvalidInputException("reassign.reviewer-cannot-decide",
						why + " Choose a reviewer, a compliance lead or an admin.", Map.of("to", "cannot decide"));
			});
		}
		return reviewer;
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
