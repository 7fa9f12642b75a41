package io.trunkguard.trace;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.Transport;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.VendorId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@Service
@Transactional
@EnableConfigurationProperties(TraceProperties.class)
class DefaultCaptureService implements CaptureService {

	private final Captures captures;

	private final CaptureLegs legs;

	private final CaptureFindings findings;

	private final CaptureCertificates certificates;

	private final CaptureJsonReports reports;

	private final CarrierTrunks trunks;

	private final CarrierAttachment attachment;

	private final EncryptionRemediationService remediations;

	private final Clock clock;

	DefaultCaptureService(Captures captures, CaptureLegs legs, CaptureFindings findings,
			CaptureCertificates certificates, CaptureJsonReports reports, CarrierTrunks trunks,
			CarrierAttachment attachment, EncryptionRemediationService remediations, ObjectProvider<Clock> clock) {
		this.remediations = remediations;
		this.captures = captures;
		this.legs = legs;
		this.findings = findings;
		this.certificates = certificates;
		this.reports = reports;
		this.trunks = trunks;
		this.attachment = attachment;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public CaptureReceipt receive(NewCapture upload) {
		Optional<Capture> earlier = captures.findBySha256(upload.sha256());
		if (earlier.isPresent()) {
			return new CaptureReceipt(earlier.get(), true);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		return new CaptureReceipt(captures.save(Capture.receive(CaptureId.random(), upload, now)), false);
	}

	@Override
	@Transactional(readOnly = true)
	public Capture get(CaptureId id) {
		return captures.findById(id).orElseThrow(() -> new NotFoundException("Capture", id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Capture> find(CaptureId id) {
		return captures.findById(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Capture> recent() {
		return captures.findTop200ByOrderByUploadedAtDesc();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Capture> concerning(VendorId vendor) {
		return captures.findConcerning(vendor);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaptureLeg> legs(CaptureId id) {
		return legs.findByCaptureIdOrderByFirstFrame(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaptureLeg> legsOf(VendorId vendor) {
		return legs.findByVendorId(vendor);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaptureFinding> findingsOf(VendorId vendor, CaptureId id) {
		return findings.findByVendorIdAndCaptureId(vendor, id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaptureCertificate> certificatesOf(VendorId vendor) {
		return certificates.findByVendorIdOrderByNotAfter(vendor);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaptureFinding> findings(CaptureId id) {
		return findings.findByCaptureId(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaptureCertificate> certificates(CaptureId id) {
		return certificates.findByCaptureId(id);
	}

	@Override
	public List<CaptureLeg> attachLeg(CaptureId id, String legId, String side, VendorId vendor, String actor) {
		Capture capture = get(id);
		CaptureLeg leg = legs.findByCaptureIdOrderByFirstFrame(id)
			.stream()
			.filter(l -> l.getLegId().equals(legId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("CaptureLeg", legId));
		if (leg.getVendorId() != null) {
			throw new InvalidStateException("capture.leg.attached",
					"Leg " + legId + " is already attached to a carrier.");
		}
		CarrierAttachment.HostPort end = CarrierAttachment.HostPort
			.parse("A".equalsIgnoreCase(side) ? leg.getEndpointA() : leg.getEndpointB());
		if (end == null) {
			throw new InvalidInputException("capture.leg.endpoint",
					"The leg's endpoint is not an address that can become a trunk endpoint.");
		}
		Transport transport;
		try {
			transport = Transport.valueOf(leg.getTransport());
		}
		catch (IllegalArgumentException e) {
			transport = Transport.UDP;
		}
		boolean server = !"A".equalsIgnoreCase(side);
		trunks.addEndpoint(vendor,
				new TrunkEndpointDraft(end.host(), null, end.port(), transport,
						server ? leg.getCertificateFingerprints().stream().limit(10).toList() : List.of(),
						"seen in capture " + CaptureLeg.cut(capture.getFileName(), 150)),
				actor);
		List<CaptureLeg> attached = attachment.attach(capture, actor).getOrDefault(vendor, List.of());
		if (capture.getStatus() == CaptureStatus.DONE && !attached.isEmpty()) {
			remediations.openFor(capture, java.util.Map.of(vendor, attached));
		}
		return attached;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> reportJson(CaptureId id) {
		return reports.findById(id).map(CaptureReport::json);
	}

}
