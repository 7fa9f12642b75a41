package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** The certificates seen in analysed captures. */
public interface CaptureCertificates extends Repository<CaptureCertificate, java.util.UUID> {

	CaptureCertificate save(CaptureCertificate certificate);

	List<CaptureCertificate> findByCaptureId(CaptureId captureId);

	List<CaptureCertificate> findByVendorIdOrderByNotAfter(VendorId vendorId);

	List<CaptureCertificate> findAllByOrderByNotAfter();

	List<CaptureCertificate> findBySha256Fingerprint(String fingerprint);

	@Modifying
	@Query("delete from CaptureCertificate c where c.captureId = :capture")
	int deleteByCapture(@Param("capture") CaptureId capture);

}
