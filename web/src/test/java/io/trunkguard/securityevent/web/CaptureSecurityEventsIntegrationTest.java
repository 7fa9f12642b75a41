package io.trunkguard.securityevent.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.security.Role;
import io.trunkguard.security.apitoken.ApiTokens;
import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.securityevent.SecurityEventSource;
import io.trunkguard.securityevent.SecurityEventType;
import io.trunkguard.securityevent.SecuritySeverity;
import io.trunkguard.trace.web.CaptureTestContext;
import io.trunkguard.trace.web.MultipartUpload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures pushed through the API, analysed by the job executor on PostgreSQL: the
 * scanner sweep (svmap) and the REGISTER brute force each become their security events
 * from the capture analysis, with the capture's file and hash in their fields.
 */
@CaptureTestContext
class CaptureSecurityEventsIntegrationTest {

	static final Path CAPTURES = Path.of("../analyzer/src/test/resources/captures");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	SecurityEventService events;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aScannerSweepInACaptureIsASipScannerEvent() throws Exception {
		List<SecurityEvent> found = analyse("sip-scanner-svmap.pcapng");

		assertThat(found).filteredOn(e -> e.getType() == SecurityEventType.SIP_SCANNER)
			.isNotEmpty()
			.allSatisfy(event -> {
				assertThat(event.getSource()).isEqualTo(SecurityEventSource.CAPTURE_ANALYSIS);
				assertThat(event.getFields()).containsEntry("rule", "SIP_SCANNER")
					.containsEntry("captureFile", "sip-scanner-svmap.pcapng");
				assertThat(event.getMessage()).startsWith("Capture sip-scanner-svmap.pcapng").endsWith(".");
			});
		assertThat(found).filteredOn(e -> e.getType() == SecurityEventType.SIP_SCANNER)
			.anySatisfy(event -> assertThat(event.getFields().get("evidence")).contains("friendly-scanner"));
	}

	@Test
	void aRegisterBruteForceInACaptureIsABruteForceEvent() throws Exception {
		List<SecurityEvent> found = analyse("sip-register-bruteforce.pcapng");

		assertThat(found).extracting(SecurityEvent::getType).contains(SecurityEventType.REGISTRATION_BRUTE_FORCE);
	}

	private List<SecurityEvent> analyse(String file) throws Exception {
		return analyse(file, null);
	}

	/** Uploads and analyses the capture (internal networks as the form takes them). */
	private List<SecurityEvent> analyse(String file, String internalNetworks) throws Exception {
		Path capture = CAPTURES.resolve(file);
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(capture)));
		String token = tokens
			.create("siem-" + UUID.randomUUID().toString().substring(0, 8), Role.COMPLIANCE_LEAD,
					LocalDate.now().plusDays(2), "admin")
			.secret();
		MultipartUpload form = new MultipartUpload().field("label", "carrier-trunk");
		if (internalNetworks != null) {
			form.field("internal", internalNetworks);
		}
		form.file("file", capture);
		HttpResponse<String> posted = http.send(
				request(token, "/api/captures").header("Content-Type", form.contentType()).POST(form.body()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isIn(200, 202, 303);
		String id = json.readTree(posted.body()).get("id").asText();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			JsonNode state = json.readTree(
					http.send(request(token, "/api/captures/" + id).GET().build(), HttpResponse.BodyHandlers.ofString())
						.body());
			if (state.get("status").asText().equals("DONE")) {
				break;
			}
			assertThat(state.get("status").asText()).isNotEqualTo("FAILED");
			assertThat(System.nanoTime()).as("analysed within 120 s").isLessThan(deadline);
			Thread.sleep(250);
		}
		while (true) {
			events.deriveNew();
			List<SecurityEvent> found = events
				.search(null, null, null, Instant.now().minus(Duration.ofDays(1)), null, PageRequest.of(0, 1000))
				.stream()
				.filter(e -> sha.equals(e.getFields().get("captureSha256")))
				.toList();
			if (!found.isEmpty()) {
				return found;
			}
			assertThat(System.nanoTime()).as("derived within 120 s").isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	/**
	 * The project's real toll-fraud capture (sipp from 127.0.0.66 sending twelve INVITEs
	 * in two seconds through kamailio, none challenged; the shared public corpus holds no
	 * such traffic): with the PBX's network 127.0.0.0/26 internal, its calls are a toll
	 * fraud pattern and unauthenticated calls, each an event with its severity.
	 */
	@Test
	void aTollFraudBurstInACaptureIsTollFraudAndUnauthenticatedCallEvents() throws Exception {
		List<SecurityEvent> found = analyse("sip-toll-fraud-burst.pcapng", "127.0.0.0/26");

		assertThat(found).filteredOn(e -> e.getType() == SecurityEventType.TOLL_FRAUD)
			.isNotEmpty()
			.allSatisfy(event -> {
				assertThat(event.getSource()).isEqualTo(SecurityEventSource.CAPTURE_ANALYSIS);
				// critical when the numbers dialled are premium-rate, else high
				assertThat(event.getSeverity()).isIn(SecuritySeverity.HIGH, SecuritySeverity.CRITICAL);
				assertThat(event.getFields()).containsEntry("rule", "TOLL_FRAUD_PATTERN")
					.containsEntry("captureFile", "sip-toll-fraud-burst.pcapng");
				assertThat(event.getMessage()).startsWith("Capture sip-toll-fraud-burst.pcapng").endsWith(".");
			});
		assertThat(found).filteredOn(e -> e.getType() == SecurityEventType.UNAUTHENTICATED_CALL)
			.isNotEmpty()
			.allSatisfy(event -> {
				assertThat(event.getSource()).isEqualTo(SecurityEventSource.CAPTURE_ANALYSIS);
				assertThat(event.getSeverity()).isEqualTo(SecuritySeverity.MEDIUM);
				assertThat(event.getFields()).containsEntry("rule", "UNAUTHENTICATED_CALL");
			});
	}

	private HttpRequest.Builder request(String token, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

}
