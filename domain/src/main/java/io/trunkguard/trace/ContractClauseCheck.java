package io.trunkguard.trace;

import io.trunkguard.vendor.CarrierContract;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.VendorId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a carrier's contract encryption clause (signalling: none, TLS 1.2 or newer, TLS
 * 1.3; media: none, SRTP, SRTP or DTLS-SRTP) against the latest analysed capture of each
 * of its trunks. A trunk is the server end of the carrier's legs; its latest capture is
 * the one whose traffic ended last. A leg violates the clause when its signalling is not
 * TLS of the version required (or the version was not seen), or when a media stream is
 * plain RTP, or only DTLS-SRTP where SDES-SRTP is required; the frames named are those of
 * the leg's CC6.7 findings, else the leg's first and last frame.
 */
@Service
@Transactional(readOnly = true)
public class ContractClauseCheck {

	private static final Set<String> TLS_1_2_OR_NEWER = Set.of("TLS 1.2", "TLS 1.3");

	private final CarrierRecords records;

	private final Captures captures;

	private final CaptureLegs legs;

	private final CaptureFindings findings;

	private final Clock clock;

	ContractClauseCheck(CarrierRecords records, Captures captures, CaptureLegs legs, CaptureFindings findings,
			ObjectProvider<Clock> clock) {
		this.records = records;
		this.captures = captures;
		this.legs = legs;
		this.findings = findings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The contract in force today that states an encryption requirement, if any. */
	public Optional<CarrierContract> clauseOf(VendorId vendor) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return records.contractInForce(vendor, today).filter(CarrierContract::statesEncryption);
	}

	public ClauseCheck check(VendorId vendor) {
		Optional<CarrierContract> contract = clauseOf(vendor);
		if (contract.isEmpty()) {
			return new ClauseCheck(null, null, List.of());
		}
		List<ClauseCheck.TrunkCheck> trunks = new ArrayList<>();
		latestPerTrunk(vendor).forEach((trunk, latest) -> trunks.add(check(contract.get(), trunk, latest)));
		return new ClauseCheck(contract.get().getTitle(), contract.get().describeClause(), trunks);
	}

	/** The legs of the latest capture of each trunk of the carrier, by trunk. */
	Map<String, TrunkTraffic> latestPerTrunk(VendorId vendor) {
		Map<CaptureId, Capture> byId = new LinkedHashMap<>();
		Map<String, TrunkTraffic> latest = new LinkedHashMap<>();
		for (CaptureLeg leg : legs.findByVendorId(vendor)) {
			Capture capture = byId.computeIfAbsent(leg.getCaptureId(), id -> captures.findById(id).orElse(null));
			if (capture == null || capture.getStatus() != CaptureStatus.DONE) {
				continue;
			}
			TrunkTraffic known = latest.get(leg.getEndpointB());
			if (known == null || trafficTime(capture).isAfter(trafficTime(known.capture()))) {
				latest.put(leg.getEndpointB(), new TrunkTraffic(capture, new ArrayList<>(List.of(leg))));
			}
			else if (known.capture().getId().equals(capture.getId())) {
				known.legs().add(leg);
			}
		}
		latest.values().forEach(t -> t.legs().sort(Comparator.comparingLong(CaptureLeg::getFirstFrame)));
		return latest;
	}

	/** A trunk's latest capture and the trunk's legs in it. */
	record TrunkTraffic(Capture capture, List<CaptureLeg> legs) {
	}

	static Instant trafficTime(Capture capture) {
		return capture.getLastPacketAt() != null ? capture.getLastPacketAt() : capture.getUploadedAt();
	}

	private ClauseCheck.TrunkCheck check(CarrierContract contract, String trunk, TrunkTraffic traffic) {
		Capture capture = traffic.capture();
		List<CaptureFinding> captureFindings = findings.findByCaptureId(capture.getId());
		List<ClauseCheck.ClauseViolation> violations = new ArrayList<>();
		for (CaptureLeg leg : traffic.legs()) {
			List<Long> frames = frames(leg, captureFindings);
			signallingProblem(contract.getSignalling(), leg).ifPresent(observed -> violations.add(violation(trunk,
					capture, leg, "signalling: " + contract.getSignalling().label(), observed, frames)));
			mediaProblem(contract.getMedia(), leg).ifPresent(observed -> violations
				.add(violation(trunk, capture, leg, "media: " + contract.getMedia().label(), observed, frames)));
		}
		return new ClauseCheck.TrunkCheck(trunk, capture.getId().toString(), capture.getFileName(),
				trafficTime(capture), violations);
	}

	private static ClauseCheck.ClauseViolation violation(String trunk, Capture capture, CaptureLeg leg,
			String requirement, String observed, List<Long> frames) {
		return new ClauseCheck.ClauseViolation(trunk, capture.getFileName(), leg.getLegId(), leg.getEndpointA(),
				leg.getEndpointB(), requirement, observed, frames);
	}

	static Optional<String> signallingProblem(SignallingClause clause, CaptureLeg leg) {
		if (clause == SignallingClause.NONE) {
			return Optional.empty();
		}
		if (!leg.signallingEncrypted()) {
			return Optional.of("SIP travels in clear over " + leg.getTransport());
		}
		String version = leg.getTlsVersion();
		if (version == null) {
			return Optional.of("SIP over " + leg.getTransport() + " but the TLS version was not seen in the capture");
		}
		if (clause == SignallingClause.TLS_1_3 && !"TLS 1.3".equals(version)) {
			return Optional.of("SIP over " + version);
		}
		if (clause == SignallingClause.TLS_1_2 && !TLS_1_2_OR_NEWER.contains(version)) {
			return Optional.of("SIP over " + version);
		}
		return Optional.empty();
	}

	static Optional<String> mediaProblem(MediaClause clause, CaptureLeg leg) {
		if (clause == MediaClause.NONE) {
			return Optional.empty();
		}
		List<String> plain = leg.getMedia().stream().filter(m -> m.contains(": not encrypted")).toList();
		if (leg.isPlainMedia() || !plain.isEmpty()) {
			return Optional.of(plain.isEmpty() ? "plain RTP" : "plain RTP (" + String.join("; ", plain) + ")");
		}
		if (clause == MediaClause.SRTP) {
			List<String> dtlsOnly = leg.getMedia()
				.stream()
				.filter(m -> m.contains(": encrypted") && m.contains("DTLS-SRTP") && !m.contains("SDES"))
				.toList();
			if (!dtlsOnly.isEmpty()) {
				return Optional.of("DTLS-SRTP where SDES-SRTP is required (" + String.join("; ", dtlsOnly) + ")");
			}
		}
		return Optional.empty();
	}

	/** The frames of the leg's CC6.7 findings, else its first and last frame. */
	static List<Long> frames(CaptureLeg leg, List<CaptureFinding> findings) {
		List<Long> frames = findings.stream()
			.filter(f -> f.getCriterion().startsWith("CC6.7") && f.concerns(leg))
			.flatMap(f -> f.getFrames().stream())
			.distinct()
			.sorted()
			.toList();
		return frames.isEmpty() ? List.of(leg.getFirstFrame(), leg.getLastFrame()) : frames;
	}

}
