package io.trunkguard.trace.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.analyzer.cli.Main;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.security.Role;
import io.trunkguard.security.apitoken.ApiTokens;
import io.trunkguard.trace.AnalysisWhileUploading;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Transport;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures pushed the way an SBC or a cron job pushes them: {@code POST /api/captures}
 * over real HTTP with an API token, on PostgreSQL, analysed by the job executor, polled
 * with {@code GET /api/captures/{id}} until done. The report is the command line's on the
 * same file; legs go to the carriers whose trunk endpoints they match; a damaged file is
 * reported, an oversized one refused before it is read, a second upload of the same bytes
 * is the same capture, and a reviewer may neither upload nor download.
 */
@CaptureTestContext
class CaptureApiIntegrationTest {

	static final Path CAPTURES = Path.of("../analyzer/src/test/resources/captures");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierTrunks trunks;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	AnalysisWhileUploading headStarts;

	HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String run = UUID.randomUUID().toString().substring(0, 8);

	String lead;

	String reviewer;

	String auditor;

	@BeforeEach
	void tokens() {
		LocalDate expiry = LocalDate.now().plusDays(7);
		lead = tokens.create("sbc-push-" + run, Role.COMPLIANCE_LEAD, expiry, "admin").secret();
		reviewer = tokens.create("reviewer-script-" + run, Role.REVIEWER, expiry, "admin").secret();
		auditor = tokens.create("auditor-script-" + run, Role.AUDITOR, expiry, "admin").secret();
	}

	@Test
	void analysesAnUploadAsTheCommandLineDoesAndAttachesLegsToTheCarriersByEndpoint() throws Exception {
		Vendor udpCarrier = carrier("UDP Carrier " + run);
		Vendor tlsCarrier = carrier("TLS Carrier " + run);
		trunks.addEndpoint(udpCarrier.getId(),
				new TrunkEndpointDraft("127.0.0.1", null, 5080, Transport.UDP, List.of(), "test SBC leg"), "tester");
		trunks.addEndpoint(tlsCarrier.getId(),
				new TrunkEndpointDraft("127.0.0.1", null, 5061, Transport.TLS, List.of(), "test TLS edge"), "tester");
		Path capture = CAPTURES.resolve("sip-proxy-tls-to-udp-sdes.pcapng");
		Path keyLog = CAPTURES.resolve("sip-proxy-tls-to-udp-sdes.pcapng.keylog");
		long takenOver = headStarts.takenOver();

		HttpResponse<String> posted = upload(lead,
				new MultipartUpload().field("label", "carrier-trunk")
					.field("internal", "10.0.0.0/8")
					.file("keylog", keyLog)
					.file("file", capture));

		assertThat(posted.statusCode()).isEqualTo(202);
		String id = json.readTree(posted.body()).get("id").asText();
		assertThat(posted.headers().firstValue("Location")).hasValue("/api/captures/" + id);
		JsonNode done = pollUntilFinished(id);
		assertThat(done.get("status").asText()).isEqualTo("DONE");
		assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
		JsonNode cli = json.readTree(cli(capture, "--keylog", keyLog.toString(), "--internal", "10.0.0.0/8"));
		assertThat(done.get("report")).isEqualTo(cli);
		assertThat(headStarts.takenOver())
			.as("analysed while it was uploaded, with the key log and networks sent first")
			.isEqualTo(takenOver + 1);
		assertThat(done.get("report").get("findings").findValuesAsText("ruleId")).contains("SIP_PLAINTEXT_SIGNALLING",
				"SDES_KEYS_EXPOSED");
		assertThat(done.get("carriers").findValuesAsText("name")).containsExactlyInAnyOrder(udpCarrier.getName(),
				tlsCarrier.getName());
		assertThat(jdbc.queryForList(
				"select v.name from capture_leg l join vendor v on v.id = l.vendor_id where l.capture_id = ? and l.transport = 'UDP'",
				String.class, UUID.fromString(id)))
			.containsOnly(udpCarrier.getName());
		assertThat(trunks.encryptionStatus(udpCarrier.getId()).status().name()).isEqualTo("UNENCRYPTED");
		assertThat(audit
			.search("token:sbc-push-" + run, "CAPTURE_RECEIVED", "Capture", id, null, null, PageRequest.of(0, 1))
			.getTotalElements()).as("the upload is attributed to the token").isEqualTo(1);
	}

	@Test
	void analysesTheStoredFileWhenTheInternalNetworksComeAfterIt() throws Exception {
		Path capture = CAPTURES.resolve("sip-udp-call-any.pcapng");
		Path copy = Files.createTempDirectory("late-fields").resolve("late-" + run + ".pcapng");
		Files.write(copy, Files.readAllBytes(capture));
		Files.write(copy, ("\n").getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
		long takenOver = headStarts.takenOver();

		HttpResponse<String> posted = upload(lead,
				new MultipartUpload().file("file", copy).field("internal", "10.0.0.0/8 192.168.0.0/16"));

		assertThat(posted.statusCode()).isEqualTo(202);
		JsonNode done = pollUntilFinished(json.readTree(posted.body()).get("id").asText());
		assertThat(done.get("status").asText()).isEqualTo("DONE");
		assertThat(done.get("report"))
			.isEqualTo(json.readTree(cli(copy, "--internal", "10.0.0.0/8", "--internal", "192.168.0.0/16")));
		assertThat(headStarts.takenOver()).as("the analysis started without the networks was dropped")
			.isEqualTo(takenOver);
		awaitNoHeadStart();
	}

	@Test
	void recognisesTheSameFileUploadedTwiceAsOneCapture() throws Exception {
		Path capture = CAPTURES.resolve("sip-tcp-call.pcap");

		HttpResponse<String> first = upload(lead, new MultipartUpload().file("file", capture));
		HttpResponse<String> second = upload(lead, new MultipartUpload().file("file", capture));

		assertThat(first.statusCode()).isIn(200, 202);
		assertThat(second.statusCode()).isEqualTo(200);
		JsonNode again = json.readTree(second.body());
		assertThat(again.get("duplicate").asBoolean()).isTrue();
		assertThat(again.get("id").asText()).isEqualTo(json.readTree(first.body()).get("id").asText());
		String sha = sha256(capture);
		assertThat(jdbc.queryForObject("select count(*) from capture where sha256 = ?", Integer.class, sha))
			.isEqualTo(1);
	}

	@Test
	void reportsADamagedCaptureAsDoneWithWhereTheDamageStarts() throws Exception {
		byte[] whole = Files.readAllBytes(CAPTURES.resolve("sip-udp-fragmented-invite.pcapng"));
		Path truncated = Files.createTempDirectory("damaged").resolve("truncated-" + run + ".pcapng");
		Files.write(truncated, Arrays.copyOf(whole, whole.length - 37));

		HttpResponse<String> posted = upload(lead, new MultipartUpload().file("file", truncated));

		assertThat(posted.statusCode()).isEqualTo(202);
		JsonNode done = pollUntilFinished(json.readTree(posted.body()).get("id").asText());
		assertThat(done.get("status").asText()).isEqualTo("DONE");
		JsonNode damage = done.get("report").get("capture").get("damage");
		assertThat(damage.get("offset").asLong()).isPositive().isLessThan(whole.length);
		assertThat(damage.get("description").asText()).isNotBlank();
		assertThat(done.get("report").get("capture").get("complete").asBoolean()).isFalse();
	}

	@Test
	void refusesAnOversizedCaptureBeforeReadingIt() throws Exception {
		long filesBefore = jdbc.queryForObject("select count(*) from stored_file", Long.class);
		// three gigabytes declared, none sent: the answer must come from the headers
		// alone
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/captures HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + lead
					+ "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 3000000000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(answer).isEqualTo("HTTP/1.1 413");
		}
		Path big = Files.createTempFile("big-" + run, ".pcap");
		byte[] chunk = Files.readAllBytes(CAPTURES.resolve("sip-udp-call-bigendian.pcap"));
		try (OutputStream out = Files.newOutputStream(big)) {
			for (int written = 0; written < 1_200_000; written += chunk.length) {
				out.write(chunk);
			}
		}
		HttpResponse<String> refused = upload(lead, new MultipartUpload().file("file", big));
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(json.readTree(refused.body()).get("detail").asText()).contains("larger than the limit of 1.0 MB");
		assertThat(jdbc.queryForObject("select count(*) from stored_file", Long.class)).isEqualTo(filesBefore);
	}

	@Test
	void refusesAnUploadCutOffBeforeItsClosingBoundaryAndStoresNothing() throws Exception {
		String name = "cut-" + run + ".pcap";
		byte[] capture = Files.readAllBytes(CAPTURES.resolve("sip-udp-call-bigendian.pcap"));
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--cut\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nother\r\n--cut\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.write(capture); // and no closing boundary: the sender stopped

		HttpResponse<String> refused = http
			.send(request(lead, "/api/captures").header("Content-Type", "multipart/form-data; boundary=cut")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("detail").asText())
			.isEqualTo("The upload is not a well-formed multipart form: the body ended before the closing boundary of"
					+ " a part (an incomplete upload); send it again.");
		assertThat(jdbc.queryForObject("select count(*) from stored_file where original_name = ?", Long.class, name))
			.isZero();
		awaitNoHeadStart();
	}

	@Test
	void refusesABodyWithoutTheBoundaryItsContentTypeNames() throws Exception {
		HttpResponse<String> refused = http
			.send(request(lead, "/api/captures").header("Content-Type", "multipart/form-data; boundary=expected")
				.POST(HttpRequest.BodyPublishers.ofString(
						"--other\r\nContent-Disposition: form-data; name=\"label\"" + "\r\n\r\nother\r\n--other--\r\n"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("detail").asText()).contains("has no multipart boundary");
	}

	@Test
	void letsNeitherAReviewerUploadOrReadNorAnAuditorDownloadTheRawFile() throws Exception {
		Path capture = CAPTURES.resolve("sip-udp-call-any.pcapng");
		HttpResponse<String> posted = upload(lead, new MultipartUpload().file("file", capture));
		String id = json.readTree(posted.body()).get("id").asText();
		pollUntilFinished(id);

		assertThat(upload(reviewer, new MultipartUpload().file("file", CAPTURES.resolve("sip-ws-register.pcapng")))
			.statusCode()).isEqualTo(403);
		assertThat(get(reviewer, "/api/captures/" + id).statusCode()).isEqualTo(403);
		assertThat(get(reviewer, "/captures/" + id + "/raw").statusCode()).isEqualTo(403);
		assertThat(get(auditor, "/captures/" + id + "/raw").statusCode()).isEqualTo(403);
		assertThat(get(auditor, "/api/captures/" + id).statusCode()).isEqualTo(200);

		HttpResponse<byte[]> raw = http.send(request(lead, "/captures/" + id + "/raw").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.body()).isEqualTo(Files.readAllBytes(capture));
		assertThat(audit
			.search("token:sbc-push-" + run, "CAPTURE_RAW_DOWNLOADED", "Capture", id, null, null, PageRequest.of(0, 1))
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void refusesARevokedTokenWithAProblem() throws Exception {
		ApiTokens.Created created = tokens.create("revoked-" + run, Role.COMPLIANCE_LEAD, LocalDate.now().plusDays(1),
				"admin");
		tokens.revoke(created.token().id(), "admin");

		HttpResponse<String> refused = get(created.secret(), "/api/captures/" + UUID.randomUUID());

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("unknown, expired or revoked");
	}

	private Vendor carrier(String name) {
		return vendors.register(
				new VendorDetails(name, "SIP trunking", RiskTier.HIGH,
						people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId(), List.of()),
				"tester");
	}

	/** The analyses started while uploading ended, none left holding its place. */
	private void awaitNoHeadStart() throws InterruptedException {
		for (int i = 0; i < 200 && headStarts.pending() > 0; i++) {
			Thread.sleep(50);
		}
		assertThat(headStarts.pending()).isZero();
	}

	private JsonNode pollUntilFinished(String id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			HttpResponse<String> response = get(lead, "/api/captures/" + id);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode capture = json.readTree(response.body());
			String status = capture.get("status").asText();
			if (status.equals("DONE") || status.equals("FAILED")) {
				return capture;
			}
			assertThat(System.nanoTime()).as("analysed within 90 s, still " + status).isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	private HttpResponse<String> upload(String token, MultipartUpload form) throws Exception {
		return http.send(
				request(token, "/api/captures").header("Content-Type", form.contentType()).POST(form.body()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String token, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	static String cli(Path capture, String... options) {
		List<String> args = new ArrayList<>(List.of(capture.toString(), "--json"));
		args.addAll(List.of(options));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	static String sha256(Path file) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
