package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link EncryptionRemediation} tasks. */
public interface EncryptionRemediations extends Repository<EncryptionRemediation, UUID> {

	EncryptionRemediation save(EncryptionRemediation task);

	Optional<EncryptionRemediation> findById(UUID id);

	boolean existsByDedupeKey(String dedupeKey);

	List<EncryptionRemediation> findByVendorIdOrderByOpenedAtDesc(VendorId vendorId);

	List<EncryptionRemediation> findByCaptureId(CaptureId captureId);

	List<EncryptionRemediation> findByStatusOrderByDueOn(EncryptionRemediation.Status status);

}
