package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** The legs of analysed captures. */
public interface CaptureLegs extends Repository<CaptureLeg, java.util.UUID> {

	CaptureLeg save(CaptureLeg leg);

	List<CaptureLeg> findByCaptureIdOrderByFirstFrame(CaptureId captureId);

	List<CaptureLeg> findByVendorId(VendorId vendorId);

	@Modifying
	@Query("delete from CaptureLeg l where l.captureId = :capture")
	int deleteByCapture(@Param("capture") CaptureId capture);

}
