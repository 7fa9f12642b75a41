package io.trunkguard.vendor;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link CarrierDocument}s. */
interface CarrierDocuments extends Repository<CarrierDocument, UUID> {

	CarrierDocument save(CarrierDocument document);

	Optional<CarrierDocument> findById(UUID id);

	List<CarrierDocument> findByVendorIdOrderByValidFromDesc(VendorId vendorId);

	List<CarrierDocument> findAll();

}
