package io.trunkguard.vendor;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link SocReport}s. */
interface SocReports extends Repository<SocReport, UUID> {

	SocReport save(SocReport report);

	Optional<SocReport> findById(UUID id);

	List<SocReport> findByVendorIdOrderByPeriodEndDescReviewedAtDesc(VendorId vendorId);

	/** The newest report of every carrier (by period end, then review time). */
	@Query("""
			select r from SocReport r where r.reviewedAt = (select max(r2.reviewedAt) from SocReport r2
			  where r2.vendorId = r.vendorId and r2.periodEnd = (select max(r3.periodEnd) from SocReport r3 where r3.vendorId = r.vendorId))
			""")
	List<SocReport> findLatestOfEveryVendor();

}
