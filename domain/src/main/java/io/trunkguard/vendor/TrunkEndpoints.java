package io.trunkguard.vendor;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link TrunkEndpoint}s. */
interface TrunkEndpoints extends Repository<TrunkEndpoint, UUID> {

	TrunkEndpoint save(TrunkEndpoint endpoint);

	Optional<TrunkEndpoint> findById(UUID id);

	List<TrunkEndpoint> findByVendorIdOrderByAddedAt(VendorId vendorId);

	List<TrunkEndpoint> findAllByOrderByVendorIdAscAddedAtAsc();

	void delete(TrunkEndpoint endpoint);

}
