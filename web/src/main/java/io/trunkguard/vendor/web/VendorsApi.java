package io.trunkguard.vendor.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.trunkguard.people.PersonId;
import io.trunkguard.vendor.CarrierProfile;
import io.trunkguard.vendor.CarrierStatus;
import io.trunkguard.vendor.RiskCriteria;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.SubProcessor;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.web.PageResponse;

/** The vendor register's REST API: search, read, register, update. */
@RestController
@RequestMapping("/api/vendors")
class VendorsApi {

	record VendorRequest(Long version, String name, String services, RiskTier riskTier, UUID ownerId,
			List<VendorContact> contacts) {

		VendorDetails toDetails() {
			return new VendorDetails(name == null ? null : name.trim(), services == null ? null : services.trim(),
					riskTier, ownerId == null ? null : new PersonId(ownerId), contacts == null ? List.of() : contacts);
		}
	}

	record VendorResponse(String id, String name, String services, RiskTier riskTier, String ownerId,
			List<VendorContact> contacts, long version, CarrierStatus status, String headquartersCountry,
			RiskCriteria riskCriteria, String riskTierExplanation, List<SubProcessor> subProcessors) {

		static VendorResponse of(Vendor vendor) {
			return new VendorResponse(vendor.getId().toString(), vendor.getName(), vendor.getServices(),
					vendor.getRiskTier(), vendor.getOwnerId() == null ? null : vendor.getOwnerId().toString(),
					List.copyOf(vendor.getContacts()), vendor.getVersion() == null ? 0 : vendor.getVersion(),
					vendor.getStatus(), vendor.getHeadquartersCountry(), vendor.getRiskCriteria(),
					vendor.getRiskTierExplanation(), vendor.getSubProcessors());
		}
	}

	/**
	 * The carrier's profile: status, headquarters (ISO 3166-1 alpha-2), the risk criteria
	 * that set the tier (all three or none), sub-processors.
	 */
	record ProfileRequest(CarrierStatus status, String headquartersCountry, RiskCriteria riskCriteria,
			List<SubProcessor> subProcessors) {

		CarrierProfile toProfile() {
			return new CarrierProfile(
					headquartersCountry == null || headquartersCountry.isBlank() ? null
							: headquartersCountry.strip().toUpperCase(java.util.Locale.ROOT),
					status, riskCriteria, subProcessors == null ? List.of() : subProcessors);
		}
	}

	private final VendorService vendors;

	VendorsApi(VendorService vendors) {
		this.vendors = vendors;
	}

	@GetMapping
	PageResponse<VendorResponse> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) RiskTier tier, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(vendors.search(q, tier, PageResponse.request(page, size, Sort.by("name"))),
				VendorResponse::of);
	}

	@GetMapping("/{id}")
	VendorResponse get(@PathVariable VendorId id) {
		return VendorResponse.of(vendors.get(id));
	}

	@PutMapping("/{id}/profile")
	VendorResponse updateProfile(@PathVariable VendorId id, @RequestBody ProfileRequest request, Authentication user) {
		return VendorResponse.of(vendors.updateProfile(id, request.toProfile(), user.getName()));
	}

	@PostMapping
	ResponseEntity<VendorResponse> register(@RequestBody VendorRequest request, Authentication user) {
		VendorResponse created = VendorResponse.of(vendors.register(request.toDetails(), user.getName()));
		return ResponseEntity.created(URI.create("/api/vendors/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	VendorResponse update(@PathVariable VendorId id, @RequestBody VendorRequest request, Authentication user) {
		return VendorResponse.of(vendors.update(id, request.version(), request.toDetails(), user.getName()));
	}

}
