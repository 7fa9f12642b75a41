package io.trunkguard.vendor;

import io.trunkguard.people.People;
import io.trunkguard.people.PersonId;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Service
@Validated
@Transactional
class DefaultVendorService implements VendorService {

	private final Vendors vendors;

	private final People people;

	private final Clock clock;

	DefaultVendorService(Vendors vendors, People people, ObjectProvider<Clock> clock) {
		this.vendors = vendors;
		this.people = people;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Vendor register(VendorDetails details, String actor) {
		if (vendors.existsByName(details.name())) {
			throw new ConflictException("vendor.duplicate-name",
					"A vendor named " + details.name() + " already exists.");
		}
		requirePerson(details.ownerId());
		return vendors.save(Vendor.register(VendorId.random(), details, actor, now()));
	}

	@Override
	public Vendor update(VendorId id, VendorDetails details, String actor) {
		return update(id, null, details, actor);
	}

	@Override
	public Vendor update(VendorId id, Long expectedVersion, VendorDetails details, String actor) {
		Vendor vendor = get(id);
		StaleVersionException.check("Vendor", id, expectedVersion, vendor.getVersion());
		if (!vendor.getName().equals(details.name()) && vendors.existsByName(details.name())) {
			throw new ConflictException("vendor.duplicate-name",
					"A vendor named " + details.name() + " already exists.");
		}
		requirePerson(details.ownerId());
		vendor.update(details, actor, now());
		return vendors.save(vendor);
	}

	@Override
	public Vendor updateProfile(VendorId id, CarrierProfile profile, String actor) {
		Vendor vendor = get(id);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (profile.headquartersCountry() != null && !Countries.isKnown(profile.headquartersCountry())) {
			errors.put("headquartersCountry",
					"\"" + profile.headquartersCountry() + "\" is not a country code (ISO 3166-1, e.g. DE or US)");
		}
		for (int i = 0; i < profile.subProcessors().size(); i++) {
			SubProcessor sub = profile.subProcessors().get(i);
			if (!Countries.isKnown(sub.country())) {
				errors.put("subProcessors[" + i + "].country", "sub-processor " + sub.name() + ": \"" + sub.country()
						+ "\" is not a country code (ISO 3166-1, e.g. DE or US)");
			}
		}
		if (!errors.isEmpty()) {
			throw new io.trunkguard.shared.InvalidInputException("vendor.country", String.join("; ", errors.values()),
					errors);
		}
		vendor.updateProfile(profile, actor, now());
		return vendors.save(vendor);
	}

	@Override
	@Transactional(readOnly = true)
	public Vendor get(VendorId id) {
		return vendors.findById(id).orElseThrow(() -> new NotFoundException("Vendor", id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Vendor> findByName(String name) {
		return vendors.findByName(name);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Vendor> all() {
		return vendors.findAllByOrderByName();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Vendor> search(String text, RiskTier tier, Pageable pageable) {
		String like = text == null || text.isBlank() ? null : "%"
				+ text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return vendors.search(like, tier, pageable);
	}

	private void requirePerson(PersonId id) {
		if (!people.existsById(id)) {
			throw new NotFoundException("Person", id);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
