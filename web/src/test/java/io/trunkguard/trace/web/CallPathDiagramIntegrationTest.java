package io.trunkguard.trace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.security.Role;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.security.apitoken.ApiTokens;
import io.trunkguard.trace.EndpointNames;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Transport;
import io.trunkguard.vendor.TrunkEndpoint;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call-path diagram of a real proxy call (baresip over TLS to kamailio, kamailio over
 * UDP to baresip, plain RTP between the phones), analysed by the job executor: its SVG,
 * read as XML, has one green TLS signalling segment and one red UDP one, each naming its
 * protocol and verdict in words and a dash pattern, with a title, a description and a
 * legend and no script; the PNG and the PDF report draw it too.
 */
@CaptureTestContext
class CallPathDiagramIntegrationTest {

	static final Path PROXY = CaptureApiIntegrationTest.CAPTURES.resolve("sip-proxy-tls-to-udp-plain.pcapng");

	static final String GREEN = "#1b7f3b";

	static final String RED = "#c62828";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierTrunks trunks;

	@Autowired
	EndpointNames endpointNames;

	HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String lead;

	String auditor;

	@BeforeEach
	void tokens() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		LocalDate expiry = LocalDate.now().plusDays(7);
		lead = tokens.create("diagram-lead-" + run, Role.COMPLIANCE_LEAD, expiry, "admin").secret();
		auditor = tokens.create("diagram-auditor-" + run, Role.AUDITOR, expiry, "admin").secret();
	}

	@Test
	void drawsTheTlsLegGreenAndTheUdpLegRedWithProtocolsAndALegend() throws Exception {
		String id = analysed(PROXY);

		HttpResponse<byte[]> svgResponse = get(auditor, "/captures/" + id + "/call-path.svg");

		assertThat(svgResponse.statusCode()).isEqualTo(200);
		assertThat(svgResponse.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
		String svgText = new String(svgResponse.body(), java.nio.charset.StandardCharsets.UTF_8);
		Files.writeString(Path.of("target/call-path-proxy.svg"), svgText);
		Document svg = xml(svgResponse.body());
		assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
		assertThat(svgText).doesNotContain("onload", "javascript:");
		Element root = svg.getDocumentElement();
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(text(svg, "title").get(0)).isEqualTo("Call path of capture sip-proxy-tls-to-udp-plain.pcapng");
		assertThat(text(svg, "desc").get(0)).contains("Signalling between", "TLS 1.2, encrypted",
				"SIP over UDP, plain");

		List<Element> signalling = segments(svg, "signalling");
		assertThat(signalling).hasSize(2);
		Element tls = signalling.stream()
			.filter(s -> path(s).getAttribute("stroke").equals(GREEN))
			.findFirst()
			.orElseThrow();
		Element udp = signalling.stream()
			.filter(s -> path(s).getAttribute("stroke").equals(RED))
			.findFirst()
			.orElseThrow();
		assertThat(tls.getAttribute("data-verdict")).isEqualTo("encrypted");
		assertThat(label(tls)).isEqualTo("SIP: TLS 1.2, encrypted");
		assertThat(path(tls).getAttribute("stroke-dasharray")).isEmpty();
		assertThat(udp.getAttribute("data-verdict")).isEqualTo("plain");
		assertThat(label(udp)).isEqualTo("SIP: SIP over UDP, plain");
		assertThat(path(udp).getAttribute("stroke-dasharray")).as("plain is dashed, not only red").isNotEmpty();
		assertThat(tls.getAttribute("data-to"))
			.as("kamailio's 5061 and 5060 on one loopback address are two endpoints until a lead names them")
			.isNotEqualTo(udp.getAttribute("data-from"));
		assertThat(node(svg, tls.getAttribute("data-to")).getTextContent()).contains("127.0.0.1:5061");
		assertThat(node(svg, udp.getAttribute("data-from")).getTextContent()).contains("127.0.0.1:5060");

		List<Element> media = segments(svg, "media");
		assertThat(media).hasSize(1);
		assertThat(path(media.get(0)).getAttribute("stroke")).isEqualTo(RED);
		assertThat(label(media.get(0))).isEqualTo("Media: audio plain RTP, plain");

		assertThat(elements(svg, "g").stream().filter(g -> g.getAttribute("class").equals("legend-entry")))
			.extracting(Element::getTextContent)
			.containsExactly("Encrypted", "Partly encrypted", "Plain", "Undetermined");

		HttpResponse<byte[]> png = get(auditor, "/captures/" + id + "/call-path.png");
		assertThat(png.statusCode()).isEqualTo(200);
		Files.write(Path.of("target/call-path-proxy.png"), png.body());
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isEqualTo(2 * Integer.parseInt(root.getAttribute("width")));

		HttpResponse<byte[]> pdf = get(auditor, "/captures/" + id + "/report.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		Files.write(Path.of("target/call-path-proxy-report.pdf"), pdf.body());
		assertThat(new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/Subtype/Image");

		HttpResponse<byte[]> page = get(auditor, "/captures/" + id);
		assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("class=\"call-path\"",
				"SIP: SIP over UDP, plain");
	}

	@Test
	void labelsEndpointsWithTheNameALeadGaveThemAndDrawsOneNameAsOneBox() throws Exception {
		String id = analysed(PROXY);
		String name = "Kamailio edge proxy " + UUID.randomUUID().toString().substring(0, 6);
		try {
			for (String port : List.of("5061", "5060")) {
				HttpResponse<byte[]> named = http.send(request(lead, "/captures/endpoint-names")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("address=127.0.0.1&port=" + port + "&name="
							+ java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(named.statusCode()).isEqualTo(302);
			}
			HttpResponse<byte[]> refused = http.send(request(auditor, "/captures/endpoint-names")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("address=127.0.0.1&port=5070&name=Auditor"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(refused.statusCode()).as("auditors are read-only").isEqualTo(403);
			String listPage = new String(get(auditor, "/captures/endpoint-names").body(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(listPage).contains(name, "127.0.0.1:5061", "127.0.0.1:5060");

			HttpResponse<byte[]> svgResponse = get(auditor, "/captures/" + id + "/call-path.svg");
			Files.write(Path.of("target/call-path-proxy-named.svg"), svgResponse.body());
			Document svg = xml(svgResponse.body());
			List<Element> signalling = segments(svg, "signalling");
			Element tls = signalling.stream()
				.filter(s -> path(s).getAttribute("stroke").equals(GREEN))
				.findFirst()
				.orElseThrow();
			Element udp = signalling.stream()
				.filter(s -> path(s).getAttribute("stroke").equals(RED))
				.findFirst()
				.orElseThrow();
			assertThat(tls.getAttribute("data-to")).as("one name, one box").isEqualTo(udp.getAttribute("data-from"));
			Element proxy = node(svg, tls.getAttribute("data-to"));
			assertThat(proxy.getTextContent()).contains(name);
			assertThat(proxy.getAttribute("data-role"))
				.as("a proxy, or a carrier's SBC where a trunk endpoint names it")
				.isIn("proxy", "carrier");
			assertThat(text(svg, "desc").get(0)).contains(name + " (127.0.0.1:5061, 5060)");
		}
		finally {
			for (EndpointNames.EndpointName named : endpointNames.all()) {
				if (named.name().equals(name)) {
					endpointNames.remove(named.id(), "tester");
				}
			}
		}
		assertThat(endpointNames.all()).noneMatch(n -> n.name().equals(name));
	}

	@Test
	void drawsTheCarriersCallPathOnItsPageNamedAfterItsTrunkEndpoint() throws Exception {
		String name = "Diagram Carrier " + UUID.randomUUID().toString().substring(0, 8);
		Vendor carrier = vendors.register(
				new VendorDetails(name, "SIP trunking", RiskTier.HIGH,
						people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId(), List.of()),
				"tester");
		TrunkEndpoint trunk = trunks.addEndpoint(carrier.getId(),
				new TrunkEndpointDraft("127.0.0.1", null, 5060, Transport.UDP, List.of(), "test trunk"), "tester");
		MultipartUpload form = new MultipartUpload().field("label", "carrier-trunk")
			.field("vendorId", carrier.getId().toString())
			.file("file", CaptureApiIntegrationTest.CAPTURES.resolve("sip-udp-call.pcapng"));
		try {
			analysedUpload(form);
		}
		finally {
			// the context is shared: a carrier left owning 127.0.0.1:5060 would take the
			// legs
			// of other tests' loopback captures
			trunks.removeEndpoint(carrier.getId(), trunk.getId(), "tester");
		}

		String page = new String(get(auditor, "/vendors/" + carrier.getId()).body(),
				java.nio.charset.StandardCharsets.UTF_8);
		Document svg = xml(get(auditor, "/vendors/" + carrier.getId() + "/call-path.svg").body());

		assertThat(page).contains("id=\"carrier-call-path\"", "Call path of " + name + " from its latest captures");
		assertThat(elements(svg, "g").stream()
			.filter(g -> g.getAttribute("class").equals("node") && g.getAttribute("data-role").equals("carrier")))
			.extracting(Element::getTextContent)
			.anySatisfy(text -> assertThat(text).contains(name));
		assertThat(segments(svg, "signalling")).isNotEmpty()
			.allSatisfy(s -> assertThat(s.getAttribute("data-verdict")).isEqualTo("plain"));
	}

	@Test
	void refusesTheDiagramToAReviewer() throws Exception {
		String reviewer = tokens
			.create("diagram-reviewer-" + UUID.randomUUID().toString().substring(0, 8), Role.REVIEWER,
					LocalDate.now().plusDays(7), "admin")
			.secret();
		assertThat(get(reviewer, "/captures/" + UUID.randomUUID() + "/call-path.svg").statusCode()).isEqualTo(403);
	}

	private String analysed(Path capture) throws Exception {
		return analysedUpload(new MultipartUpload().field("label", "internal-pbx").file("file", capture));
	}

	private String analysedUpload(MultipartUpload form) throws Exception {
		HttpResponse<String> posted = http.send(request(lead, "/api/captures").header("Accept", "application/json")
			.header("Content-Type", form.contentType())
			.POST(form.body())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isIn(200, 202);
		String id = json.readTree(posted.body()).get("id").asText();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			HttpResponse<String> response = http.send(
					request(lead, "/api/captures/" + id).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode c = json.readTree(response.body());
			String status = c.get("status").asText();
			if (status.equals("DONE")) {
				return id;
			}
			assertThat(status).isNotEqualTo("FAILED");
			assertThat(System.nanoTime()).as("analysed within 90 s").isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	private HttpResponse<byte[]> get(String token, String path) throws Exception {
		return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder request(String token, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token);
	}

	static Document xml(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	static List<Element> elements(Document svg, String name) {
		NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	static List<String> text(Document svg, String name) {
		return elements(svg, name).stream().map(Element::getTextContent).toList();
	}

	static List<Element> segments(Document svg, String kind) {
		return elements(svg, "g").stream()
			.filter(g -> g.getAttribute("class").equals("segment") && g.getAttribute("data-kind").equals(kind))
			.toList();
	}

	static Element node(Document svg, String id) {
		return elements(svg, "g").stream()
			.filter(g -> g.getAttribute("class").equals("node") && g.getAttribute("data-node").equals(id))
			.findFirst()
			.orElseThrow();
	}

	static Element path(Element segment) {
		return (Element) segment.getElementsByTagNameNS("*", "path").item(0);
	}

	static String label(Element segment) {
		return segment.getElementsByTagNameNS("*", "text").item(0).getTextContent();
	}

}
