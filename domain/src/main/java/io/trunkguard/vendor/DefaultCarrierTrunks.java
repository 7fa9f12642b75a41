package io.trunkguard.vendor;

import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@Service
@Validated
@Transactional
class DefaultCarrierTrunks implements CarrierTrunks {

	private final Vendors vendors;

	private final TrunkEndpoints endpoints;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultCarrierTrunks(Vendors vendors, TrunkEndpoints endpoints, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.vendors = vendors;
		this.endpoints = endpoints;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrunkEndpoint> endpointsOf(VendorId vendorId) {
		return endpoints.findByVendorIdOrderByAddedAt(vendorId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrunkEndpoint> allEndpoints() {
		return endpoints.findAllByOrderByVendorIdAscAddedAtAsc();
	}

	@Override
	public TrunkEndpoint addEndpoint(VendorId vendorId, TrunkEndpointDraft draft, String actor) {
		vendor(vendorId);
		Instant now = now();
		TrunkEndpoint endpoint = endpoints.save(new TrunkEndpoint(vendorId, draft, actor, now));
		events.publishEvent(new TrunkEndpointAdded(vendorId, endpoint.getId(), endpoint.describe(), actor, now));
		return endpoint;
	}

	@Override
	public void removeEndpoint(VendorId vendorId, UUID endpointId, String actor) {
		TrunkEndpoint endpoint = endpoints.findById(endpointId)
			.filter(e -> e.getVendorId().equals(vendorId))
			.orElseThrow(() -> new NotFoundException("TrunkEndpoint", endpointId));
		endpoints.delete(endpoint);
		events.publishEvent(new TrunkEndpointRemoved(vendorId, endpointId, endpoint.describe(), actor, now()));
	}

	@Override
	@Transactional(readOnly = true)
	public EncryptionState encryptionStatus(VendorId vendorId) {
		return vendor(vendorId).encryptionState();
	}

	@Override
	public EncryptionState recordEncryptionStatus(VendorId vendorId, EncryptionStatus status, Instant observedAt,
			String basis, String captureId, String actor) {
		Vendor vendor = vendor(vendorId);
		EncryptionState state = vendor.recordEncryptionStatus(status, observedAt, basis, captureId, actor, now());
		vendors.save(vendor);
		return state;
	}

	private Vendor vendor(VendorId id) {
		return vendors.findById(id).orElseThrow(() -> new NotFoundException("Vendor", id));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
