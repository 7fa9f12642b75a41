package io.trunkguard.trace;

import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.EncryptionState;
import io.trunkguard.vendor.EncryptionStatus;
import io.trunkguard.vendor.TrunkEndpoint;
import io.trunkguard.vendor.VendorId;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches the legs of an analysed capture to a carrier: all of them to the carrier the
 * uploader named for a carrier trunk capture; otherwise each to the carrier whose trunk
 * endpoints it matches (either end's address and port, the TLS server name or a
 * certificate name as an FQDN, or a certificate fingerprint). The findings and
 * certificates of an attached leg go with it, and sets each such carrier's encryption
 * status from the capture when it is the carrier's latest traffic.
 */
@Component
class CarrierAttachment {

	private final CarrierTrunks trunks;

	private final CaptureLegs legs;

	private final CaptureFindings findings;

	private final CaptureCertificates certificates;

	CarrierAttachment(CarrierTrunks trunks, CaptureLegs legs, CaptureFindings findings,
			CaptureCertificates certificates) {
		this.trunks = trunks;
		this.legs = legs;
		this.findings = findings;
		this.certificates = certificates;
	}

	/**
	 * Matches every unattached leg of the capture; returns the carriers attached, with
	 * their legs.
	 */
	Map<VendorId, List<CaptureLeg>> attach(Capture capture, String actor) {
		List<TrunkEndpoint> endpoints = trunks.allEndpoints();
		List<CaptureLeg> captureLegs = legs.findByCaptureIdOrderByFirstFrame(capture.getId());
		List<CaptureFinding> captureFindings = findings.findByCaptureId(capture.getId());
		List<CaptureCertificate> captureCertificates = certificates.findByCaptureId(capture.getId());
		Map<VendorId, List<CaptureLeg>> byCarrier = new LinkedHashMap<>();
		// the uploader's "this is carrier X's trunk" at upload decides for the whole
		// capture
		Optional<VendorId> named = capture.getLabel() == CaptureLabel.CARRIER_TRUNK
				? Optional.ofNullable(capture.getVendorId()) : Optional.empty();
		for (CaptureLeg leg : captureLegs) {
			Optional<VendorId> carrier = leg.getVendorId() != null ? Optional.of(leg.getVendorId())
					: named.isPresent() ? named : match(leg, endpoints);
			if (carrier.isEmpty()) {
				continue;
			}
			VendorId vendor = carrier.get();
			leg.attachTo(vendor);
			byCarrier.computeIfAbsent(vendor, v -> new ArrayList<>()).add(leg);
			for (CaptureFinding finding : captureFindings) {
				if (finding.getVendorId() == null && finding.concerns(leg)) {
					finding.attachTo(vendor);
				}
			}
			for (CaptureCertificate certificate : captureCertificates) {
				if (certificate.getVendorId() == null && certificate.getLegId().equals(leg.getLegId())) {
					certificate.attachTo(vendor);
				}
			}
		}
		byCarrier.forEach((vendor, attached) -> recordStatus(capture, vendor, attached, actor));
		return byCarrier;
	}

	private void recordStatus(Capture capture, VendorId vendor, List<CaptureLeg> attached, String actor) {
		if (capture.getLastPacketAt() == null) {
			return;
		}
		EncryptionState current = trunks.encryptionStatus(vendor);
		if (current.observedAt() != null && current.observedAt().isAfter(capture.getLastPacketAt())
				&& !capture.getId().toString().equals(current.captureId())) {
			return; // a newer capture of this carrier's traffic decides its status
		}
		long encrypted = attached.stream().filter(l -> l.getVerdict() == LegVerdict.ENCRYPTED).count();
		long unencrypted = attached.stream().filter(l -> l.getVerdict() == LegVerdict.UNENCRYPTED).count();
		EncryptionStatus status = encrypted == attached.size() ? EncryptionStatus.ENCRYPTED
				: unencrypted == attached.size() ? EncryptionStatus.UNENCRYPTED : EncryptionStatus.PARTLY_ENCRYPTED;
		trunks.recordEncryptionStatus(vendor, status, capture.getLastPacketAt(),
				"capture " + capture.getFileName() + " (" + attached.size() + " legs, " + encrypted + " encrypted)",
				capture.getId().toString(), actor);
	}

	static Optional<VendorId> match(CaptureLeg leg, List<TrunkEndpoint> endpoints) {
		HostPort a = HostPort.parse(leg.getEndpointA());
		HostPort b = HostPort.parse(leg.getEndpointB());
		for (TrunkEndpoint endpoint : endpoints) {
			if ((b != null && endpoint.matches(b.address(), b.port()))
					|| (a != null && endpoint.matches(a.address(), a.port()))) {
				return Optional.of(endpoint.getVendorId());
			}
			if (endpoint.matchesHost(leg.getServerName())
					|| leg.getCertificateNames().stream().anyMatch(endpoint::matchesHost)
					|| leg.getCertificateFingerprints().stream().anyMatch(endpoint::expectsFingerprint)) {
				return Optional.of(endpoint.getVendorId());
			}
		}
		return Optional.empty();
	}

	/** An analyzer endpoint, {@code 192.0.2.1:5061} or {@code [2001:db8::1]:5061}. */
	record HostPort(InetAddress address, int port) {

		static HostPort parse(String text) {
			if (text == null) {
				return null;
			}
			int colon = text.lastIndexOf(':');
			if (colon <= 0) {
				return null;
			}
			String host = text.substring(0, colon);
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			else if (host.contains(":")) {
				return null;
			}
			if (!host.matches("[0-9A-Fa-f:.]+")) {
				return null; // a literal only: never a name lookup
			}
			try {
				return new HostPort(InetAddress.getByName(host.contains(":") ? "[" + host + "]" : host),
						Integer.parseInt(text.substring(colon + 1)));
			}
			catch (UnknownHostException | NumberFormatException e) {
				return null;
			}
		}

		/** The address as a host (without brackets). */
		String host() {
			return address.getHostAddress();
		}

	}

}
