package io.trunkguard.deprovisioning;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of the proof files of deprovisioning removals; never changed or deleted. */
public interface RemovalProofs extends Repository<RemovalProof, UUID> {

	RemovalProof save(RemovalProof proof);

	Optional<RemovalProof> findById(UUID id);

	List<RemovalProof> findByCaseIdOrderByUploadedAt(DeprovisioningCaseId caseId);

}
