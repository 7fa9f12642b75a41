package io.trunkguard.demo;

import io.trunkguard.change.InfrastructureKind;
import io.trunkguard.change.NewSipChange;
import io.trunkguard.change.SipChange;
import io.trunkguard.change.SipChangeService;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The demo's SIP change records: Ingrid Solberg (voice engineering) asked for SRTP on the
 * Northwind trunk, the compliance lead recorded it with the SBC's configuration excerpt
 * (its password and SRTP key redacted) and the admin approved it, linked to Northwind's
 * demo capture; a second change, recorded by the admin, awaits the compliance lead's
 * approval. Only with the demo data set, and only while no change exists.
 */
@Component
class DemoChanges {

	private static final Logger log = LoggerFactory.getLogger(DemoChanges.class);

	static final String EXCERPT = """
			; pjsip.conf on edge-sbc-1: the Northwind trunk after the change
			[northwind-transport]
			type=transport
			protocol=tls
			method=tlsv1_2
			cert_file=/etc/asterisk/keys/edge-sbc-1.crt

			[northwind-auth]
			type=auth
			auth_type=userpass
			username=trunkguard-demo
			password=Demo-Trunk-Passw0rd

			[northwind]
			type=endpoint
			transport=northwind-transport
			media_encryption=sdes
			media_encryption_optimistic=no
			; a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^31
			""";

	private final DemoDataProperties properties;

	private final SipChangeService changes;

	private final CaptureService captures;

	private final VendorService vendors;

	private final DemoCaptures demoCaptures;

	DemoChanges(DemoDataProperties properties, SipChangeService changes, CaptureService captures, VendorService vendors,
			DemoCaptures demoCaptures) {
		this.properties = properties;
		this.changes = changes;
		this.captures = captures;
		this.vendors = vendors;
		this.demoCaptures = demoCaptures;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadOnStart() {
		if (properties.enabled()) {
			load();
		}
	}

	/**
	 * Records the demo changes unless a change exists in the last two years; returns how
	 * many.
	 */
	int load() {
		LocalDate today = LocalDate.now();
		if (!changes.appliedBetween(today.minusYears(2), today.plusYears(1)).isEmpty()) {
			return 0;
		}
		demoCaptures.load(); // the capture the first change links to, if not uploaded yet
		Optional<Vendor> northwind = vendors.findByName("Northwind Carrier Services");
		Optional<Capture> capture = captures.recent()
			.stream()
			.filter(c -> c.getFileName().equals("sip-tls12-sdes-srtp.pcapng"))
			.findFirst();
		SipChange srtp = changes.record(new NewSipChange(InfrastructureKind.TRUNK, "edge-sbc-1 (Northwind trunk)",
				northwind.map(Vendor::getId).orElse(null), "Require TLS 1.2 and SDES-SRTP on the Northwind trunk",
				"The carrier contract requires encrypted signalling and media; the trunk still accepted plain RTP.",
				"ingrid.solberg", today.minusDays(20), true, capture.map(Capture::getId).orElse(null)),
				"compliance-lead");
		changes.addExcerpt(srtp.getId(), new ByteArrayInputStream(EXCERPT.getBytes(StandardCharsets.UTF_8)),
				"edge-sbc-1-pjsip-northwind.conf", "compliance-lead");
		changes.approve(srtp.getId(), "admin");
		changes.record(new NewSipChange(InfrastructureKind.PROXY, "kamailio-core-1", null,
				"Raise the REGISTER rate limit to 20 per minute per source",
				"Legitimate phones re-registering after an outage were blocked by the pike module.", "admin",
				today.minusDays(3), false, null), "admin");
		log.info("Demo SIP change records: 2");
		return 2;
	}

}
