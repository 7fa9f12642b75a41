package io.trunkguard.review;

import io.trunkguard.evidence.ProofUpload;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.Sha256;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Service
@Validated
@Transactional
class DefaultRemediationService implements RemediationService {

	private final ReviewCampaigns campaigns;

	private final ReviewItems items;

	private final RemediationProofs proofs;

	private final PersonService people;

	private final AccessService access;

	private final List<RemediationPort> remediationPorts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EvidenceService evidence;

	private final FileStore files;

	DefaultRemediationService(ReviewCampaigns campaigns, ReviewItems items, RemediationProofs proofs,
			PersonService people, AccessService access, ObjectProvider<RemediationPort> remediationPorts,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock, EvidenceService evidence, FileStore files) {
		this.evidence = evidence;
		this.files = files;
		this.campaigns = campaigns;
		this.items = items;
		this.proofs = proofs;
		this.people = people;
		this.access = access;
		this.remediationPorts = remediationPorts.orderedStream().toList();
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewItemId> pendingRemediations(CampaignId id) {
		campaigns.require(id);
		return items.findByCampaignIdAndRemediationStatusOrderBySystemName(id, RemediationStatus.PENDING)
			.stream()
			.map(ReviewItem::getId)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public RemediationRequest remediationOf(ReviewItemId itemId) {
		ReviewItem item = items.require(itemId);
		String owner = usernameOf(item.getSystemOwnerId());
		return new RemediationRequest(item.getId(), item.getCampaignId(), item.getGrantId(), item.getPersonId(),
				item.getPersonUsername(), item.getSystemId(), item.getSystemName(), item.getConnector(),
				item.getEntitlement(), item.getDecision(), item.getReducedTo(), owner, item.getPersonName());
	}

	@Override
	public RemediationRoute routeRemediation(ReviewItemId itemId) {
		ReviewItem item = items.require(itemId);
		if (!item.isRemediationPending()) {
			// settled already (confirmed by hand or accepted before the process got
			// here): no person has anything left to do, and the automatic step returns
			// a settled item unchanged, so the process passes through
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
				+ " from " + item.getPersonUsername() + " on " + item.getSystemName()
				+ " by hand and confirms with proof.", clock);
		items.save(item);
		return RemediationRoute.MANUAL;
	}

	@Override
	public ReviewItem remediateAutomatically(ReviewItemId itemId) {
		ReviewItem item = items.require(itemId);
		if (item.isRemediationSettled()) {
			return item;
		}
		item.requireConnector();
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
		ReviewItem item = items.require(itemId);
		item.checkRemediation(note, actor);
		String grantNote = applyToGrant(item, actor);
		item.markRemediated(note.strip() + grantNote, actor, clock);
		return items.save(item);
	}

	@Override
	public ReviewItem acceptUnremediated(ReviewItemId itemId, String justification, String actor) {
		ReviewItem item = items.require(itemId);
		item.acceptUnremediated(justification, actor, clock);
		return items.save(item);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewItem> manualRemediations(String username, boolean complianceLead) {
		if (complianceLead) {
			return items.findManualRemediations();
		}
		return people.findByUsername(username)
			.map(owner -> items.findManualRemediationsOwnedBy(owner.getId()))
			.orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewItem> automaticRemediations() {
		return items.findAutomaticRemediations();
	}

	@Override
	public ReviewItem confirmRemoval(ReviewItemId itemId, String note, ProofUpload proof, String actor,
			boolean complianceLead) {
		ReviewItem item = items.require(itemId);
		boolean owner = people.findByUsername(actor).map(p -> p.getId().equals(item.getSystemOwnerId())).orElse(false);
		item.checkManualRemoval(note, actor, complianceLead || owner);
		String proofName = null;
		if (proof != null) {
			RemediationProof.check(proof);
			proofName = RemediationProof.cleanName(proof.fileName());
		}
		String proofNote = proof == null ? "" : " [proof: " + proofName + ", " + proof.content().length
				+ " bytes, sha256 " + Sha256.hex(proof.content()) + "]";
		String text = note.strip();
		int room = ReviewItem.MAX_TEXT - proofNote.length() - 200;
		if (text.length() > room) {
			throw new InvalidInputException("item.remediation-note-too-long",
					"The note is longer than " + room + " characters.", Map.of("note", "too long"));
		}
		ReviewItem saved = recordRemediation(itemId, text + proofNote, actor);
		if (proof != null) {
			java.time.Instant now = ReviewTime.now(clock);
			LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
			EvidenceItem recorded = evidence.store(proof.content(), proofName,
					new EvidenceDraft("Proof of a manual removal: " + proofName, List.of("CC6.1"), day, day,
							"ReviewItem", itemId.toString()),
					actor);
			RemediationProof stored = proofs
				.save(new RemediationProof(item, files.get(recorded.getFileId()), actor, now));
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
	public RemediationProof proof(UUID proofId) {
		return proofs.findById(proofId).orElseThrow(() -> new NotFoundException("RemediationProof", proofId));
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
		ReviewCampaign campaign = campaigns.require(item.getCampaignId());
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

	private String usernameOf(PersonId id) {
		try {
			return people.get(id).getUsername();
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
