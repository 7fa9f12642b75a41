package io.trunkguard.vendorreview;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link ReviewCondition}s. */
interface ReviewConditions extends Repository<ReviewCondition, UUID> {

	ReviewCondition save(ReviewCondition condition);

	Optional<ReviewCondition> findById(UUID id);

	List<ReviewCondition> findByReviewIdOrderByDueOn(UUID reviewId);

	List<ReviewCondition> findByVendorIdOrderByDueOn(VendorId vendorId);

	List<ReviewCondition> findByClosedAtIsNull();

}
