package io.trunkguard.vendor;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.UUID;

/** Repository of {@link CarrierContract}s. */
interface CarrierContracts extends Repository<CarrierContract, UUID> {

	CarrierContract save(CarrierContract contract);

	List<CarrierContract> findByVendorIdOrderByStartsOnDesc(VendorId vendorId);

	List<CarrierContract> findAll();

}
