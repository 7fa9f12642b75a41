package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** The findings of analysed captures. */
public interface CaptureFindings extends Repository<CaptureFinding, java.util.UUID> {

	CaptureFinding save(CaptureFinding finding);

	List<CaptureFinding> findByCaptureId(CaptureId captureId);

	List<CaptureFinding> findByVendorIdAndCaptureId(VendorId vendorId, CaptureId captureId);

	@Modifying
	@Query("delete from CaptureFinding f where f.captureId = :capture")
	int deleteByCapture(@Param("capture") CaptureId capture);

}
