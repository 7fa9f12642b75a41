package io.trunkguard.review;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
@Validated
@Transactional
@EnableConfigurationProperties(ReviewProperties.class)
class DefaultCampaignService implements CampaignService {

	private final ReviewCampaigns campaigns;

	private final ReviewItems items;

	private final ScopeFreezer freezer;

	private final PersonService people;

	private final AccessService access;

	private final List<RemediationPort> remediationPorts;

	private final ApplicationEventPublisher events;

	private final ReviewProperties properties;

	private final Clock clock;

	private final RemediationProofs proofs;

	private final ReviewComments comments;

	DefaultCampaignService(ReviewCampaigns campaigns, ReviewItems items, ScopeFreezer freezer, PersonService people,
			AccessService access, ObjectProvider<RemediationPort> remediationPorts, ApplicationEventPublisher events,
			ReviewProperties properties, ObjectProvider<Clock> clock, RemediationProofs proofs,
			ReviewComments comments) {
		this.campaigns = campaigns;
		this.items = items;
		this.freezer = freezer;
		this.people = people;
		this.access = access;
		this.remediationPorts = remediationPorts.orderedStream().toList();
		this.events = events;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.proofs = proofs;
		this.comments = comments;
	}

	@Override
	public void checkTerms(String name, Instant deadline) {
		ReviewCampaign.checkTerms(name, deadline, clock.instant());
	}

	@Override
	public ReviewCampaign start(String name, Instant deadline, UnansweredRule rule, String actor) {
		CampaignId previous = campaigns.findFirstByOrderByStartedAtDesc().map(ReviewCampaign::getId).orElse(null);
		ReviewCampaign campaign = campaigns.saveAndFlush(ReviewCampaign.open(CampaignId.random(), name, deadline, rule,
				properties.dormantAfter(), previous, actor, clock));
		List<FrozenItem> frozen = freezer.freeze(campaign, properties.complianceLeads(), clock.instant());
		int reviewers = (int) frozen.stream().map(FrozenItem::reviewerId).distinct().count();
		campaign.scopeFrozen(frozen.size(), reviewers);
		return campaigns.save(campaign);
	}

	@Override
	public ReviewCampaign startScheduled(String actor) {
		Instant now = clock.instant();
		String name = "Access review " + ReviewCampaign.quarterOf(now);
		return start(name, now.plus(properties.campaignLength()).truncatedTo(ChronoUnit.MINUTES),
				properties.unansweredRule(), actor);
	}

	@Override
	@Transactional(readOnly = true)
	public ReviewCampaign get(CampaignId id) {
		return campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewCampaign> campaigns() {
		return campaigns.findAllByOrderByStartedAtDesc();
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignSchedule schedule(CampaignId id) {
		ReviewCampaign campaign = get(id);
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
	@Transactional(readOnly = true)
	public List<String> reviewers(CampaignId id) {
		get(id);
		return items.findReviewerUsernames(id);
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignProgress progress(CampaignId id) {
		get(id);
		return items.progress(id);
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignProgress progressOf(CampaignId id, String reviewer) {
		get(id);
		return items.progressOf(id, reviewer);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ReviewItem> itemsOf(CampaignId id, String reviewer, Pageable pageable) {
		get(id);
		return items.findByCampaignIdAndReviewerUsername(id, reviewer, pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ReviewItem> inbox(CampaignId id, String reviewer, InboxFilter filter, Pageable pageable) {
		get(id);
		return items.findAll(InboxSpecification.of(id, reviewer, filter), pageable);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewCampaign> campaignsOf(String reviewer) {
		Set<CampaignId> ids = new HashSet<>(items.findCampaignIdsByReviewer(reviewer));
		return campaigns.findAllByOrderByStartedAtDesc().stream().filter(c -> ids.contains(c.getId())).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProgressRow> progressByReviewer(CampaignId id) {
		get(id);
		return items.progressByReviewer(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProgressRow> progressBySystem(CampaignId id) {
		get(id);
		return items.progressBySystem(id);
	}

	@Override
	@Transactional(readOnly = true)
	public ReviewItem item(ReviewItemId id) {
		return items.findById(id).orElseThrow(() -> new NotFoundException("ReviewItem", id));
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
				get(item.getCampaignId()).requireReviewing();
			}
			item.decide(decision, reducedTo, justification, actorId, actor, clock);
			decided.add(item);
		}
		return items.saveAll(decided);
	}

	@Override
	public int submit(CampaignId id, String reviewer) {
		ReviewCampaign campaign = get(id);
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
		events.publishEvent(new ReviewSubmitted(id, reviewerId, reviewer, open.size(), now()));
		return open.size();
	}

	@Override
	public ReviewItem reassign(ReviewItemId itemId, String newReviewer, String actor) {
		ReviewItem item = item(itemId);
		get(item.getCampaignId()).requireReviewing();
		Person reviewer = personOf(newReviewer).filter(Person::isActive)
			.orElseThrow(
					() -> new InvalidInputException("item.reviewer-unknown", newReviewer + " is not an active person"));
		String previous = item.getReviewerUsername();
		item.reassign(reviewer.getId(), reviewer.getUsername());
		ReviewItem saved = items.save(item);
		events.publishEvent(
				new ItemReassigned(itemId, item.getCampaignId(), previous, reviewer.getUsername(), actor, now()));
		return saved;
	}

	@Override
	public boolean remind(CampaignId id, String reviewer) {
		return remind(id, reviewer, ReviewItem.SYSTEM_ACTOR);
	}

	@Override
	public boolean remind(CampaignId id, String reviewer, String actor) {
		ReviewCampaign campaign = get(id);
		long open = items.countByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		if (open == 0 || campaign.getStatus() != CampaignStatus.OPEN) {
			return false;
		}
		events.publishEvent(new ReviewReminderSent(id, reviewer, (int) open, campaign.getDeadline(), actor, now()));
		return true;
	}

	@Override
	public String escalate(CampaignId id, String reviewer) {
		ReviewCampaign campaign = get(id);
		long open = items.countByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		if (open == 0 || campaign.getStatus() != CampaignStatus.OPEN) {
			return null;
		}
		String target = personOf(reviewer).map(Person::getManagerId).flatMap(manager -> {
			try {
				return java.util.Optional.of(people.get(manager));
			}
			catch (NotFoundException e) {
				return java.util.Optional.empty();
			}
		})
			.filter(manager -> manager.isActive() && manager.getUsername() != null)
			.map(Person::getUsername)
			.orElse("group:" + COMPLIANCE_LEAD_GROUP);
		events.publishEvent(new ReviewEscalated(id, reviewer, target, (int) open, now()));
		return target;
	}

	@Override
	public int applyUnansweredRule(CampaignId id) {
		ReviewCampaign campaign = get(id);
		campaign.endReviews(clock);
		List<ReviewItem> open = items.findByCampaignIdAndClosureIsNull(id);
		open.forEach(item -> item.resolveUnanswered(campaign.getUnansweredRule(), clock));
		items.saveAll(open);
		campaigns.save(campaign);
		events.publishEvent(new UnansweredItemsResolved(id, campaign.getUnansweredRule(), open.size(),
				ReviewItem.SYSTEM_ACTOR, now()));
		return open.size();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewItemId> pendingRemediations(CampaignId id) {
		get(id);
		return items.findByCampaignIdAndRemediationStatusOrderBySystemName(id, RemediationStatus.PENDING)
			.stream()
			.map(ReviewItem::getId)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public RemediationRequest remediationOf(ReviewItemId itemId) {
		ReviewItem item = item(itemId);
		String owner = usernameOf(item.getSystemOwnerId());
		return new RemediationRequest(item.getId(), item.getCampaignId(), item.getGrantId(), item.getPersonId(),
				item.getPersonUsername(), item.getSystemId(), item.getSystemName(), item.getConnector(),
				item.getEntitlement(), item.getDecision(), item.getReducedTo(), owner);
	}

	@Override
	public ReviewItem remediateAutomatically(ReviewItemId itemId) {
		ReviewItem item = item(itemId);
		if (item.getRemediationStatus() == RemediationStatus.REMEDIATED
				|| item.getRemediationStatus() == RemediationStatus.ACCEPTED) {
			return item;
		}
		if (item.getConnector() == ConnectorType.MANUAL) {
			throw new InvalidStateException("remediation.manual-system",
					item.getSystemName() + " has no connector: its owner removes access by hand");
		}
		RemediationPort port = remediationPorts.stream()
			.filter(p -> p.supports(item.getConnector()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no remediation connector for " + item.getConnector()
					+ " is configured: item " + itemId + " on " + item.getSystemName() + " stays pending"));
		RemediationResult result = port.remediate(remediationOf(itemId));
		if (result == null || !result.verified()) {
			throw new IllegalStateException(
					"the " + item.getConnector() + " connector could not verify the change for item " + itemId
							+ (result == null ? "" : ": " + result.proof()));
		}
		String grantNote = applyToGrant(item, ReviewItem.SYSTEM_ACTOR);
		item.markRemediated(result.proof() + grantNote, ReviewItem.SYSTEM_ACTOR, clock);
		return items.save(item);
	}

	@Override
	public ReviewItem recordRemediation(ReviewItemId itemId, String note, String actor) {
		ReviewItem item = item(itemId);
		if (actor.equals(item.getPersonUsername())) {
			throw new ReviewDeniedException("remediation.own-access",
					actor + " cannot confirm the removal of their own access");
		}
		if (item.getRemediationStatus() != RemediationStatus.PENDING) {
			throw new InvalidStateException("item.remediation-not-pending",
					"the item has no pending remediation (" + item.getRemediationStatus() + ")");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("item.remediation-note-required", "a note proving the change is required",
					Map.of("note", "required"));
		}
		String grantNote = applyToGrant(item, actor);
		item.markRemediated(note.strip() + grantNote, actor, clock);
		return items.save(item);
	}

	@Override
	public ReviewItem acceptUnremediated(ReviewItemId itemId, String justification, String actor) {
		ReviewItem item = item(itemId);
		if (actor.equals(item.getPersonUsername())) {
			throw new ReviewDeniedException("remediation.own-access",
					actor + " cannot accept keeping their own access");
		}
		item.acceptUnremediated(justification, actor, clock);
		return items.save(item);
	}

	/**
	 * Revokes or reduces the grant in Trunkguard; returns a note when the grant had
	 * already changed.
	 */
	private String applyToGrant(ReviewItem item, String actor) {
		AccessGrant grant = access.getGrant(item.getGrantId());
		if (!grant.isActive()) {
			return " (grant already revoked on " + grant.getRevokedAt() + " by " + grant.getRevokedBy() + ")";
		}
		ReviewCampaign campaign = get(item.getCampaignId());
		String reason = "Access review " + campaign.getName() + ": " + item.getDecision() + " decided by "
				+ item.getDecidedBy()
				+ (item.getJustification() == null ? "" : " (" + abbreviate(item.getJustification(), 700) + ")");
		if (item.getDecision() == Decision.REDUCE) {
			if (item.getReducedTo().equals(grant.getEntitlement())) {
				return " (grant already reduced to " + grant.getEntitlement() + ")";
			}
			access.reduceGrant(grant.getId(), item.getReducedTo(), false, reason, actor);
		}
		else {
			access.revokeGrant(grant.getId(), reason, actor);
		}
		return "";
	}

	@Override
	public ReviewCampaign close(CampaignId id, String actor) {
		ReviewCampaign campaign = get(id);
		CampaignProgress progress = items.progress(id);
		campaign.close(progress.unsettled(), progress.pendingRemediation(), actor, clock);
		return campaigns.save(campaign);
	}

	@Override
	public ReviewCampaign signOff(CampaignId id, String note, String actor) {
		ReviewCampaign campaign = get(id);
		boolean reviewedOwn = personOf(actor)
			.map(signer -> items.countOwnAccessReviewedBy(id, signer.getId(), actor) > 0)
			.orElse(false);
		campaign.signOff(actor, reviewedOwn, note, clock);
		return campaigns.save(campaign);
	}

	@Override
	public void requestReport(CampaignId id) {
		ReviewCampaign campaign = get(id);
		if (campaign.getStatus() != CampaignStatus.SIGNED_OFF) {
			throw new InvalidStateException("campaign.not-signed-off",
					"the report of campaign " + campaign.getName() + " needs its sign-off");
		}
		events.publishEvent(new CampaignReportRequested(id, campaign.getClosedAt(), now()));
	}

	@Override
	public RemediationRoute routeRemediation(ReviewItemId itemId) {
		ReviewItem item = item(itemId);
		if (item.getRemediationStatus() != RemediationStatus.PENDING) {
			// settled already (confirmed by hand or accepted before the process got
			// here): no person has anything left to
			// do, and the automatic step returns a settled item unchanged, so the process
			// passes through
			return RemediationRoute.AUTOMATIC;
		}
		if (item.isManualRemediation()) {
			return RemediationRoute.MANUAL;
		}
		if (item.getPersonUsername() == null || item.getPersonUsername().isBlank()) {
			// a connector finds accounts by username: without one it could only fail,
			// again and again
			item.routeToManual(item.getPersonName() + " has no username to find their " + item.getConnector()
					+ " account by, so the system " + "owner removes " + item.getEntitlement() + " on "
					+ item.getSystemName() + " by hand and confirms with proof.", clock);
			items.save(item);
			return RemediationRoute.MANUAL;
		}
		if (remediationPorts.stream().anyMatch(p -> p.supports(item.getConnector()))) {
			return RemediationRoute.AUTOMATIC;
		}
		item.routeToManual("No " + item.getConnector()
				+ " connector is configured in this installation, so the system owner removes " + item.getEntitlement()
				+ " from " + (item.getPersonUsername() == null ? item.getPersonName() : item.getPersonUsername())
				+ " on " + item.getSystemName() + " by hand and confirms with proof.", clock);
		items.save(item);
		return RemediationRoute.MANUAL;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewItem> manualRemediations(String username, boolean complianceLead) {
		if (complianceLead) {
			return items.findManualRemediations();
		}
		return personOf(username).map(owner -> items.findManualRemediationsOwnedBy(owner.getId())).orElse(List.of());
	}

	@Override
	public ReviewItem confirmRemoval(ReviewItemId itemId, String note, ProofUpload proof, String actor,
			boolean complianceLead) {
		ReviewItem item = item(itemId);
		if (!complianceLead && !personOf(actor).map(p -> p.getId().equals(item.getSystemOwnerId())).orElse(false)) {
			throw new ReviewDeniedException("remediation.not-owner",
					actor + " is neither the owner of " + item.getSystemName() + " nor a compliance lead");
		}
		if (!item.isManualRemediation()) {
			throw new InvalidStateException("remediation.automatic", item.getSystemName()
					+ " is remediated through its connector; the removal is verified automatically");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("item.remediation-note-required",
					"a note saying how the access was removed is required", Map.of("note", "required"));
		}
		RemediationProof stored = null;
		if (proof != null) {
			RemediationProof.check(proof);
			stored = new RemediationProof(item, proof, actor, now());
		}
		String proofNote = stored == null ? "" : " [proof: " + stored.getFileName() + ", " + stored.getSizeBytes()
				+ " bytes, sha256 " + stored.getSha256() + "]";
		String text = note.strip();
		int room = ReviewItem.MAX_TEXT - proofNote.length() - 200;
		if (text.length() > room) {
			throw new InvalidInputException("item.remediation-note-too-long",
					"the note is longer than " + room + " characters", Map.of("note", "too long"));
		}
		ReviewItem saved = recordRemediation(itemId, text + proofNote, actor);
		if (stored != null) {
			proofs.save(stored);
			events.publishEvent(new RemediationProofAttached(itemId, item.getCampaignId(), stored.getFileName(),
					stored.getContentType(), stored.getSizeBytes(), stored.getSha256(), actor, stored.getUploadedAt()));
		}
		return saved;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RemediationProof> proofsOf(ReviewItemId itemId) {
		return proofs.findByItemIdOrderByUploadedAt(itemId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<RemediationProof> proofsOfCampaign(CampaignId id) {
		return proofs.findByCampaignIdOrderByUploadedAt(id);
	}

	@Override
	@Transactional(readOnly = true)
	public RemediationProof proof(java.util.UUID proofId) {
		return proofs.findById(proofId).orElseThrow(() -> new NotFoundException("RemediationProof", proofId));
	}

	@Override
	public int reassignAll(CampaignId id, String fromReviewer, String toReviewer, String actor) {
		ReviewCampaign campaign = get(id);
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
		Instant at = now();
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
	@Transactional(readOnly = true)
	public GrantHistory history(ReviewItemId itemId) {
		ReviewItem item = item(itemId);
		Map<CampaignId, ReviewCampaign> byId = new java.util.HashMap<>();
		List<GrantHistory.PastDecision> past = items.findByGrantId(item.getGrantId())
			.stream()
			.filter(other -> !other.getId().equals(itemId))
			.map(other -> {
				ReviewCampaign c = byId.computeIfAbsent(other.getCampaignId(), this::get);
				return new GrantHistory.PastDecision(other.getId(), c.getId(), c.getName(), c.getStartedAt(),
						other.getDecision(), other.getReducedTo(), other.getJustification(), other.getDecidedBy(),
						other.getDecidedAt(), other.getClosure(), other.getRemediationStatus());
			})
			.sorted(java.util.Comparator.comparing(GrantHistory.PastDecision::campaignStartedAt).reversed())
			.toList();
		return new GrantHistory(access.getGrant(item.getGrantId()), past);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewComment> comments(ReviewItemId itemId) {
		item(itemId);
		return comments.findByItemIdOrderByCreatedAt(itemId);
	}

	@Override
	public ReviewComment comment(ReviewItemId itemId, String body, String actor, boolean complianceLead) {
		ReviewItem item = item(itemId);
		if (!complianceLead && !actor.equals(item.getReviewerUsername())) {
			throw new ReviewDeniedException("item.not-reviewer", "the item " + itemId + " is not assigned to " + actor);
		}
		ReviewComment comment = comments.save(new ReviewComment(item, body, actor, now()));
		events.publishEvent(
				new ItemCommented(itemId, item.getCampaignId(), actor, comment.getBody(), comment.getCreatedAt()));
		return comment;
	}

	private java.util.Optional<Person> personOf(String username) {
		return username == null ? java.util.Optional.empty() : people.findByUsername(username);
	}

	private String usernameOf(PersonId id) {
		try {
			return people.get(id).getUsername();
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
