package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Repository of {@link Capture} aggregates. */
public interface Captures extends Repository<Capture, CaptureId> {

	Capture save(Capture capture);

	Capture saveAndFlush(Capture capture);

	Optional<Capture> findById(CaptureId id);

	Optional<Capture> findBySha256(String sha256);

	List<Capture> findTop200ByOrderByUploadedAtDesc();

	List<Capture> findByVendorIdOrderByUploadedAtDesc(VendorId vendorId);

	/** Every capture in a state (e.g. analysed), the oldest upload first. */
	List<Capture> findByStatusOrderByUploadedAtAsc(CaptureStatus status);

	/** Captures with a leg attached to the carrier, newest first. */
	@Query("""
			select c from Capture c
			where c.vendorId = :vendor
			   or exists (select l from CaptureLeg l where l.captureId = c.id and l.vendorId = :vendor)
			order by c.uploadedAt desc
			""")
	List<Capture> findConcerning(@Param("vendor") VendorId vendor);

	/** Captures whose raw file is still kept and were uploaded before the cut-off. */
	@Query("select c from Capture c where c.rawFileId is not null and c.uploadedAt < :before")
	List<Capture> findRawKeptBefore(@Param("before") Instant before);

	/**
	 * Claims the deletion of a capture's raw file: clears it if it is still the one
	 * given. Exactly one node gets 1 for a capture; the others get 0 and leave it.
	 */
	@Modifying
	@Query("""
			update Capture c set c.rawFileId = null, c.keyLogFileId = null, c.rawDeletedAt = :now,
			  c.version = c.version + 1
			where c.id = :id and c.rawFileId = :raw
			""")
	int claimRawDeletion(@Param("id") CaptureId id, @Param("raw") java.util.UUID raw, @Param("now") Instant now);

	long count();

	/** Writes the bytes read so far of a capture being analysed (without its version). */
	@Modifying
	@Query("update Capture c set c.bytesRead = :bytes where c.id = :id and c.status = io.trunkguard.trace.CaptureStatus.ANALYSING")
	int recordProgress(@Param("id") CaptureId id, @Param("bytes") long bytes);

}
