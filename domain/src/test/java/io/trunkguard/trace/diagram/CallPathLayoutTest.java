package io.trunkguard.trace.diagram;

import io.trunkguard.trace.diagram.CallPathDiagram.Segment;
import io.trunkguard.trace.diagram.CallPathDiagram.Verdict;
import io.trunkguard.trace.diagram.CallPathLayout.PathLeg;
import io.trunkguard.trace.diagram.CallPathLayout.PathMedia;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallPathLayoutTest {

	@Test
	void namesTheCarrierAndEscapesItsNameInTheSvg() {
		CallPathDiagram diagram = CallPathLayout.layout("Call path", List
			.of(new PathLeg("L1", "TLS", "10.0.0.5:40000", "192.0.2.10:5061", "TLS 1.3", "TLS_AES_128_GCM_SHA256")),
				List.of(), Map.of("192.0.2.10:5061", "<Acme & \"Voice\">")::get);

		String svg = CallPathSvg.render(diagram, "d");

		assertThat(diagram.nodes()).extracting(CallPathDiagram.Node::role)
			.containsExactly(CallPathDiagram.Role.PHONE_OR_PBX, CallPathDiagram.Role.CARRIER);
		assertThat(svg).contains("&lt;Acme &amp; &quot;Voice&quot;&gt;").doesNotContain("<Acme");
		assertThat(diagram.segments().get(0).label()).isEqualTo("SIP: TLS 1.3, encrypted");
	}

	@Test
	void callsLegacyTlsAndSdesKeysOverPlainSignallingPartlyEncrypted() {
		CallPathDiagram diagram = CallPathLayout.layout("Call path",
				List.of(new PathLeg("L1", "TLS", "10.0.0.5:40000", "192.0.2.10:5061", "TLS 1.0", null),
						new PathLeg("L2", "UDP", "192.0.2.10:5060", "198.51.100.7:5060", null, null)),
				List.of(new PathMedia("M1", "audio", "RTP/SAVP", "PROTECTED", "10.0.0.5:20000", "198.51.100.7:30000",
						List.of("AES_CM_128_HMAC_SHA1_80"), null, true),
						new PathMedia("M2", "video", "RTP/AVP", "UNKNOWN", "10.0.0.5:20002", "198.51.100.7:30002",
								List.of(), null, false)),
				endpoint -> null);

		assertThat(diagram.segments()).extracting(Segment::verdict)
			.containsExactly(Verdict.PARTLY, Verdict.PLAIN, Verdict.PARTLY, Verdict.UNDETERMINED);
		assertThat(diagram.segments()).extracting(Segment::label)
			.containsExactly("SIP: TLS 1.0 (legacy), partly encrypted", "SIP: SIP over UDP, plain",
					"Media: audio SRTP AES_CM_128_HMAC_SHA1_80 (keys sent in clear), partly encrypted",
					"Media: video RTP/AVP, protection not observable, undetermined");
		assertThat(diagram.nodes()).as("the media ends are the phones' boxes, by address").hasSize(3);
		assertThat(diagram.node(diagram.segments().get(0).to()).role()).isEqualTo(CallPathDiagram.Role.PROXY);
	}

	@Test
	void keepsPorts5060And5061OfOneAddressApartUnlessALeadNamedThemAsOne() {
		List<PathLeg> loopback = List.of(new PathLeg("L1", "UDP", "127.0.0.1:5060", "127.0.0.1:5061", null, null));

		CallPathDiagram unnamed = CallPathLayout.layout("loopback", loopback, List.of(), e -> null);
		assertThat(unnamed.nodes()).as("the phone on 5060 and the carrier on 5061 are two boxes").hasSize(2);
		assertThat(unnamed.segments().get(0).from()).isNotEqualTo(unnamed.segments().get(0).to());

		CallPathDiagram named = CallPathLayout.layout("loopback", loopback, List.of(), e -> null,
				Map.of("127.0.0.1:5061", "Lab carrier SBC")::get);
		assertThat(named.node(named.segments().get(0).to()).name()).isEqualTo("Lab carrier SBC");
		assertThat(named.node(named.segments().get(0).from()).name()).isEqualTo("Phone or PBX");

		List<PathLeg> proxy = List.of(new PathLeg("L1", "TLS", "127.0.0.1:40000", "127.0.0.1:5061", "TLS 1.2", null),
				new PathLeg("L2", "UDP", "127.0.0.1:5060", "127.0.0.1:5070", null, null));
		CallPathDiagram oneProxy = CallPathLayout.layout("proxy", proxy, List.of(), e -> null,
				Map.of("127.0.0.1:5060", "Edge proxy", "127.0.0.1:5061", "Edge proxy")::get);
		assertThat(oneProxy.nodes()).as("one name, one box").hasSize(3);
		assertThat(oneProxy.segments().get(0).to()).isEqualTo(oneProxy.segments().get(1).from());
		CallPathDiagram.Node edge = oneProxy.node(oneProxy.segments().get(0).to());
		assertThat(edge.role()).isEqualTo(CallPathDiagram.Role.PROXY);
		assertThat(edge.describe()).isEqualTo("Proxy or SBC Edge proxy (127.0.0.1:5061, 5060)");
	}

	@Test
	void callsANamedEdgeThatRelaysACarrierCallAProxyNotTheCarrier() {
		List<PathLeg> legs = List.of(new PathLeg("L1", "TLS", "127.0.0.1:42006", "127.0.0.1:5061", "TLS 1.2", null),
				new PathLeg("L2", "TLS", "127.0.0.1:59714", "127.0.0.1:5081", "TLS 1.2", null));
		// every leg of a capture uploaded for a carrier has the carrier at its server end
		Map<String, String> carrier = Map.of("127.0.0.1:5061", "Northwind", "127.0.0.1:5081", "Northwind");

		CallPathDiagram diagram = CallPathLayout.layout("carrier capture", legs, List.of(), carrier::get,
				Map.of("127.0.0.1:5061", "Edge SBC", "127.0.0.1:59714", "Edge SBC")::get);

		CallPathDiagram.Node edge = diagram.node(diagram.segments().get(0).to());
		assertThat(edge.name()).isEqualTo("Edge SBC");
		assertThat(edge.role()).isEqualTo(CallPathDiagram.Role.PROXY);
		CallPathDiagram.Node trunk = diagram.node(diagram.segments().get(1).to());
		assertThat(trunk.name()).isEqualTo("Northwind");
		assertThat(trunk.role()).isEqualTo(CallPathDiagram.Role.CARRIER);
	}

	@Test
	void saysSoWhenNothingWasSeen() {
		CallPathDiagram diagram = CallPathLayout.layout("Call path", List.of(), List.of(), endpoint -> null);

		assertThat(diagram.empty()).isTrue();
		assertThat(CallPathSvg.render(diagram, "d")).contains("No signalling or media was seen in this call path.");
		assertThat(CallPathPng.render(diagram, 1)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

	@Test
	void drawsManyLegsBetweenTheSameBoxesOnceWithTheirCount() {
		List<PathLeg> legs = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			legs.add(new PathLeg("L" + i, "TLS", "10.0.0.5:" + (40000 + i), "192.0.2.10:5061", "TLS 1.3", null));
		}
		legs.add(new PathLeg("U1", "UDP", "10.0.0.5:5060", "192.0.2.10:5060", null, null));

		CallPathDiagram diagram = CallPathLayout.layout("trunk", legs, List.of(), e -> null);

		assertThat(diagram.segments()).extracting(Segment::label)
			.containsExactly("SIP: TLS 1.3, 40 legs, encrypted", "SIP: SIP over UDP, plain");
		assertThat(diagram.segments().get(0).detail()).isEqualTo("Leg L0 and 39 more legs");
	}

	@Test
	void keepsABusyCaptureDrawableShowingTheLeastProtectedEndpointsFirst() {
		List<PathLeg> legs = new java.util.ArrayList<>();
		for (int i = 0; i < 600; i++) {
			legs.add(new PathLeg("L" + i, "TLS", "10.1." + (i / 250) + "." + (i % 250) + ":40000", "192.0.2.10:5061",
					"TLS 1.3", null));
		}
		legs.add(new PathLeg("P1", "UDP", "10.9.9.9:5060", "198.51.100.7:5060", null, null));

		CallPathDiagram diagram = CallPathLayout.layout("Call path of capture busy.pcapng", legs, List.of(), e -> null);

		assertThat(diagram.nodes()).hasSize(CallPathLayout.MAX_BOXES);
		assertThat(diagram.segments()).extracting(Segment::verdict).contains(Verdict.PLAIN);
		assertThat(diagram.title())
			.isEqualTo("Call path of capture busy.pcapng (the 24 endpoints least protected of 603;"
					+ " 579 others and 579 segments are in the legs table, not drawn)");
		byte[] png = CallPathPng.render(diagram, 2);
		assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

	@Test
	void drawsAHugeDrawingAtASmallerScaleInsteadOfFailing() throws Exception {
		List<PathLeg> legs = new java.util.ArrayList<>();
		for (int i = 0; i < CallPathLayout.MAX_BOXES / 2; i++) {
			legs.add(new PathLeg("L" + i, "UDP", "10.0.0." + i + ":5060", "192.0.2." + i + ":5060", null, null));
		}
		CallPathDiagram diagram = CallPathLayout.layout("wide", legs, List.of(), e -> null);

		java.awt.image.BufferedImage image = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(CallPathPng.render(diagram, 8)));

		assertThat((long) image.getWidth() * image.getHeight())
			.isLessThanOrEqualTo(CallPathPng.MAX_PIXELS + image.getWidth() + image.getHeight());
		assertThat(image.getWidth()).isGreaterThan(diagram.width());
	}

}
