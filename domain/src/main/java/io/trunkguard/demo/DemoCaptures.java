package io.trunkguard.demo;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.trace.CaptureLabel;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.Captures;
import io.trunkguard.trace.EndpointNames;
import io.trunkguard.trace.NewCapture;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The demo's captures: three real captures from the analyzer's own fixtures (TLS
 * signalling with their key logs), uploaded for the three demo carriers once the app is
 * ready, so the analysis jobs run as for any upload: Northwind fully on TLS and SRTP,
 * Bluefin with plain RTP behind TLS signalling, Meridian with a certificate expiring
 * within 30 days. Only with the demo data set, and only while no capture exists.
 */
@Component
class DemoCaptures {

	private static final Logger log = LoggerFactory.getLogger(DemoCaptures.class);

	record DemoCapture(String carrier, String file) {
	}

	/**
	 * A name the demo gives an endpoint of its captures, for the carrier named or for
	 * every diagram.
	 */
	record DemoEndpointName(int port, String name, String carrier) {
	}

	/**
	 * The captures were recorded on one machine (127.0.0.1): a phone calling through a
	 * Kamailio edge proxy to the carrier's side on 5081, media between the phone and the
	 * carrier directly. Named so that the diagrams show the phone, one edge SBC box (its
	 * listening port and the ports it called the carriers from) and the carriers' media
	 * gateways; the carriers' signalling ends (5081, shared by the three recordings) are
	 * labelled with the carrier the capture was uploaded for.
	 */
	static final List<DemoEndpointName> ENDPOINT_NAMES = List.of(
			new DemoEndpointName(5061, "Edge SBC (Kamailio)", null),
			new DemoEndpointName(59714, "Edge SBC (Kamailio)", null),
			new DemoEndpointName(47810, "Edge SBC (Kamailio)", null),
			new DemoEndpointName(42006, "Contact-centre phone", null),
			new DemoEndpointName(47518, "Contact-centre phone", null),
			new DemoEndpointName(58230, "Contact-centre phone", null),
			new DemoEndpointName(20032, "Contact-centre phone", null),
			new DemoEndpointName(20024, "Contact-centre phone", null),
			new DemoEndpointName(21016, "Northwind media gateway", "Northwind Carrier Services"),
			new DemoEndpointName(21040, "Bluefin media gateway", "Bluefin Telecom"));

	static final List<DemoCapture> CAPTURES = List.of(
			new DemoCapture("Northwind Carrier Services", "sip-tls12-sdes-srtp.pcapng"),
			new DemoCapture("Bluefin Telecom", "sip-tls12-plain-rtp.pcapng"),
			new DemoCapture("Meridian Voice Networks", "sip-tls12-cert-expiring.pcapng"));

	private final DemoDataProperties properties;

	private final Captures captures;

	private final CaptureService captureService;

	private final VendorService vendors;

	private final FileStore files;

	private final TransactionTemplate transactions;

	private final EndpointNames endpointNames;

	DemoCaptures(DemoDataProperties properties, Captures captures, CaptureService captureService, VendorService vendors,
			FileStore files, TransactionTemplate transactions, EndpointNames endpointNames) {
		this.endpointNames = endpointNames;
		this.properties = properties;
		this.captures = captures;
		this.captureService = captureService;
		this.vendors = vendors;
		this.files = files;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadOnStart() {
		if (properties.enabled()) {
			load();
		}
	}

	/** Uploads the demo captures unless a capture exists; returns how many. */
	int load() {
		if (captures.count() > 0) {
			return 0;
		}
		int loaded = 0;
		for (DemoCapture demo : CAPTURES) {
			Optional<Vendor> vendor = vendors.findByName(demo.carrier());
			if (vendor.isEmpty()) {
				continue;
			}
			transactions.executeWithoutResult(status -> {
				StoredFile capture = store(demo.file());
				StoredFile keyLog = store(demo.file() + ".keylog");
				captureService.receive(new NewCapture(capture.getOriginalName(), capture.getSha256(),
						capture.getSizeBytes(), capture.getId().value(), keyLog.getId().value(),
						CaptureLabel.CARRIER_TRUNK, vendor.get().getId(), List.of(), DemoDataLoader.ACTOR));
			});
			loaded++;
		}
		for (DemoEndpointName demo : ENDPOINT_NAMES) {
			Optional<Vendor> carrier = demo.carrier() == null ? Optional.empty() : vendors.findByName(demo.carrier());
			if (demo.carrier() == null || carrier.isPresent()) {
				endpointNames.name("127.0.0.1", demo.port(), demo.name(), carrier.map(Vendor::getId).orElse(null),
						DemoDataLoader.ACTOR);
			}
		}
		log.info("Demo captures uploaded for analysis: {}", loaded);
		return loaded;
	}

	private StoredFile store(String name) {
		try (InputStream in = new ClassPathResource("demo/captures/" + name).getInputStream()) {
			return files.store(in, FileUpload.of(name, DemoDataLoader.ACTOR, 16L * 1024 * 1024));
		}
		catch (IOException e) {
			throw new UncheckedIOException("the demo capture " + name + " is missing", e);
		}
	}

}
