package io.trunkguard.vendorreview;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link CarrierReview}s. */
interface CarrierReviews extends Repository<CarrierReview, UUID> {

	CarrierReview save(CarrierReview review);

	Optional<CarrierReview> findById(UUID id);

	List<CarrierReview> findByVendorIdOrderByStartedAtDesc(VendorId vendorId);

	Optional<CarrierReview> findFirstByVendorIdAndStatus(VendorId vendorId, ReviewStatus status);

	List<CarrierReview> findByStatus(ReviewStatus status);

	/** The latest decided review of every carrier (one row each). */
	@Query("""
			select r from CarrierReview r where r.decidedAt is not null and r.decidedAt =
			  (select max(r2.decidedAt) from CarrierReview r2 where r2.vendorId = r.vendorId and r2.decidedAt is not null)
			""")
	List<CarrierReview> findLatestDecidedOfEveryVendor();

}
