package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The certificate watch list, and its alerts. */
public interface WatchedCertificates extends Repository<WatchedCertificate, UUID> {

	WatchedCertificate save(WatchedCertificate certificate);

	Optional<WatchedCertificate> findById(UUID id);

	Optional<WatchedCertificate> findBySha256Fingerprint(String fingerprint);

	/** The fingerprints among these already on the watch list, in one query. */
	@Query("select w.sha256Fingerprint from WatchedCertificate w where w.sha256Fingerprint in :fingerprints")
	List<String> findWatchedFingerprints(@Param("fingerprints") java.util.Collection<String> fingerprints);

	List<WatchedCertificate> findAllByOrderByNotAfterAsc();

	List<WatchedCertificate> findByVendorIdOrderByNotAfterAsc(VendorId vendorId);

	List<WatchedCertificate> findByVendorIdAndEndpoint(VendorId vendorId, String endpoint);

	Optional<WatchedCertificate> findByRenewsId(UUID renewsId);

	List<WatchedCertificate> findByNotAfterBetween(Instant from, Instant to);

	/**
	 * Records an alert unless one was raised for the certificate and threshold: 1 when
	 * this call raised it, 0 when another run or node already had (portable "insert
	 * unless present"; the unique key settles races).
	 */
	@Modifying
	@Query(value = """
			insert into certificate_alert (id, certificate_id, threshold_days, raised_at)
			select :id, :certificate, :threshold, :now
			where not exists (select 1 from certificate_alert a
			                  where a.certificate_id = :certificate and a.threshold_days = :threshold)
			""", nativeQuery = true)
	int recordAlert(@Param("id") UUID id, @Param("certificate") UUID certificate, @Param("threshold") int threshold,
			@Param("now") Instant now);

	@Query(value = "select count(*) from certificate_alert where certificate_id = :certificate", nativeQuery = true)
	long alertsOf(@Param("certificate") UUID certificate);

}
