package io.trunkguard.deprovisioning;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of stored deprovisioning logs; never deleted. */
public interface DeprovisioningLogFiles extends Repository<DeprovisioningLogFile, UUID> {

	DeprovisioningLogFile save(DeprovisioningLogFile file);

	Optional<DeprovisioningLogFile> findById(UUID id);

	List<DeprovisioningLogFile> findTop20ByOrderByGeneratedAtDesc();

}
