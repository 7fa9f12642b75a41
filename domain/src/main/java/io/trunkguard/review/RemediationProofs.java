package io.trunkguard.review;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link RemediationProof} files (append-only). */
public interface RemediationProofs extends Repository<RemediationProof, UUID> {

	RemediationProof save(RemediationProof proof);

	Optional<RemediationProof> findById(UUID id);

	List<RemediationProof> findByItemIdOrderByUploadedAt(ReviewItemId itemId);

	List<RemediationProof> findByCampaignIdOrderByUploadedAt(CampaignId campaignId);

}
