package io.trunkguard.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.trace.diagram.CallPathDiagram;
import io.trunkguard.trace.diagram.CallPathLayout;
import io.trunkguard.trace.diagram.CallPathLayout.PathLeg;
import io.trunkguard.trace.diagram.CallPathLayout.PathMedia;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.TrunkEndpoint;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The call-path encryption diagram (CC6.7) of an analysed capture, and of a carrier from
 * its latest captures: the legs and media streams the analyzer found, with the endpoints
 * named by the carrier whose trunk endpoints they are.
 */
@Service
@Transactional(readOnly = true)
public class CallPathDiagrams {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final CaptureService captures;

	private final CarrierTrunks trunks;

	private final VendorService vendors;

	private final EndpointNames endpointNames;

	CallPathDiagrams(CaptureService captures, CarrierTrunks trunks, VendorService vendors,
			EndpointNames endpointNames) {
		this.captures = captures;
		this.trunks = trunks;
		this.vendors = vendors;
		this.endpointNames = endpointNames;
	}

	/** Every leg and media stream of the capture (empty until it is analysed). */
	public CallPathDiagram ofCapture(CaptureId id) {
		Capture capture = captures.get(id);
		List<CaptureLeg> legs = captures.legs(id);
		List<PathMedia> media = captures.reportJson(id).map(json -> media(json, null)).orElse(List.of());
		return CallPathLayout.layout("Call path of capture " + capture.getFileName(), pathLegs(legs), media,
				names(legs, media), endpointNames.byEndpoint()::get);
	}

	/**
	 * The carrier's trunks as its latest captures show them: per trunk (transport and
	 * server end) the newest leg attached to the carrier, with the media it carried.
	 */
	public CallPathDiagram ofCarrier(VendorId vendor) {
		String name = vendors.get(vendor).getName();
		Map<String, CaptureLeg> latest = new LinkedHashMap<>();
		captures.legsOf(vendor)
			.stream()
			.sorted(Comparator.comparing(CaptureLeg::getFirstSeenAt, Comparator.nullsFirst(Comparator.naturalOrder())))
			.forEach(leg -> latest.put(leg.getTransport() + "|" + leg.getEndpointB(), leg));
		List<CaptureLeg> legs = List.copyOf(latest.values());
		Map<CaptureId, List<String>> legIdsByCapture = new LinkedHashMap<>();
		legs.forEach(l -> legIdsByCapture.computeIfAbsent(l.getCaptureId(), c -> new ArrayList<>()).add(l.getLegId()));
		List<PathMedia> media = new ArrayList<>();
		legIdsByCapture.forEach((capture, legIds) -> captures.reportJson(capture)
			.ifPresent(json -> media.addAll(media(json, Set.copyOf(legIds)))));
		return CallPathLayout.layout("Call path of " + name + " from its latest captures", pathLegs(legs), media,
				names(legs, media), endpointNames.byEndpoint()::get);
	}

	private static List<PathLeg> pathLegs(List<CaptureLeg> legs) {
		return legs.stream()
			.sorted(Comparator.comparingLong(CaptureLeg::getFirstFrame))
			.map(l -> new PathLeg(l.getLegId(), l.getTransport(), l.getEndpointA(), l.getEndpointB(), l.getTlsVersion(),
					l.getCipherSuite()))
			.toList();
	}

	/**
	 * The media streams in the analyzer's JSON report, of the given legs only (all when
	 * null), each once.
	 */
	static List<PathMedia> media(String json, Set<String> legIds) {
		JsonNode report;
		try {
			report = JSON.readTree(json);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the analyzer's report cannot be read", e);
		}
		Map<String, JsonNode> streams = new LinkedHashMap<>();
		Map<String, Boolean> overPlain = new HashMap<>();
		for (JsonNode leg : report.path("legs")) {
			String transport = leg.path("transport").asText("");
			boolean plainSignalling = !(transport.equalsIgnoreCase("TLS") || transport.equalsIgnoreCase("WSS"));
			boolean wanted = legIds == null || legIds.contains(leg.path("id").asText());
			for (JsonNode m : leg.path("media")) {
				String key = m.path("id").asText() + "|" + m.path("callId").asText();
				overPlain.merge(key, plainSignalling, Boolean::logicalOr);
				if (wanted) {
					streams.putIfAbsent(key, m);
				}
			}
		}
		List<PathMedia> media = new ArrayList<>();
		streams.forEach((key, m) -> {
			List<String> flow = strings(m.path("flowEndpoints"));
			String offer = text(m, "offerEndpoint");
			String answer = text(m, "answerEndpoint");
			if (offer == null && flow.size() >= 2) {
				offer = flow.get(0);
				answer = flow.get(1);
			}
			List<String> suites = strings(m.path("cryptoSuites"));
			media.add(new PathMedia(m.path("id").asText(), text(m, "mediaType"), text(m, "profile"),
					text(m, "protection"), offer, answer, suites, text(m, "dtlsSrtpProfile"),
					!suites.isEmpty() && overPlain.getOrDefault(key, false)));
		});
		return media;
	}

	/**
	 * The carrier's name for each endpoint: the server end by its address, TLS server
	 * name, certificate names or fingerprints; the client end and media by address.
	 */
	private Function<String, String> names(List<CaptureLeg> legs, List<PathMedia> media) {
		List<TrunkEndpoint> endpoints = trunks.allEndpoints();
		Map<VendorId, String> carrierNames = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		Function<VendorId, String> carrier = v -> carrierNames.computeIfAbsent(v, id -> vendors.get(id).getName());
		// an endpoint a lead named for a carrier is that carrier's
		for (EndpointNames.EndpointName named : endpointNames.all()) {
			if (named.vendorId() != null) {
				names.put(named.endpoint(), carrier.apply(named.vendorId()));
				names.put(named.address() + ":" + named.port(), carrier.apply(named.vendorId()));
			}
		}
		for (CaptureLeg leg : legs) {
			for (TrunkEndpoint e : endpoints) {
				if (byAddress(e, leg.getEndpointB()) || e.matchesHost(leg.getServerName())
						|| leg.getCertificateNames().stream().anyMatch(e::matchesHost)
						|| leg.getCertificateFingerprints().stream().anyMatch(e::expectsFingerprint)) {
					names.putIfAbsent(leg.getEndpointB(), carrier.apply(e.getVendorId()));
				}
				if (byAddress(e, leg.getEndpointA())) {
					names.putIfAbsent(leg.getEndpointA(), carrier.apply(e.getVendorId()));
				}
			}
			// a leg attached to a carrier (by its server name, say, or by hand) has the
			// carrier's trunk at its server end even when no endpoint names the address
			if (leg.getVendorId() != null) {
				names.putIfAbsent(leg.getEndpointB(), carrier.apply(leg.getVendorId()));
			}
		}
		for (PathMedia m : media) {
			for (String endpoint : new String[] { m.offerEndpoint(), m.answerEndpoint() }) {
				for (TrunkEndpoint e : endpoints) {
					if (byAddress(e, endpoint)) {
						names.putIfAbsent(endpoint, carrier.apply(e.getVendorId()));
					}
				}
			}
		}
		return names::get;
	}

	/**
	 * Address and port, as legs are attached to carriers (any port where the trunk
	 * endpoint names none).
	 */
	private static boolean byAddress(TrunkEndpoint endpoint, String text) {
		CarrierAttachment.HostPort hostPort = CarrierAttachment.HostPort.parse(text);
		return hostPort != null && endpoint.matches(hostPort.address(), hostPort.port());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asText()));
		values.removeIf(Objects::isNull);
		return values;
	}

}
