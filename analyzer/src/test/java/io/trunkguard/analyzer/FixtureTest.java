package io.trunkguard.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The captures made with real SIP stacks on loopback (sipp, kamailio, openssl; see
 * {@code analyzer/scripts} and {@code src/test/resources/tls}): counts agree with
 * tshark's view stored beside each capture, and each capture produces the verdicts and
 * findings it was made to show.
 */
class FixtureTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	static Path captures() throws URISyntaxException {
		return Path.of(FixtureTest.class.getResource("/captures").toURI());
	}

	static Path tlsCaptures() throws URISyntaxException {
		return Path.of(FixtureTest.class.getResource("/tls/captures").toURI());
	}

	/**
	 * SIP messages tshark counts that the analyzer does not: svmap's OPTIONS to closed
	 * ports come back as ICMP port-unreachable errors that quote the OPTIONS, and tshark
	 * dissects the quoted copy as SIP. They are not SIP messages that anyone received, so
	 * the analyzer ignores ICMP.
	 */
	private static final Map<String, Integer> ICMP_QUOTED_SIP = Map.of("sip-scanner-svmap.pcapng", 19);

	static Stream<Path> withTsharkView() throws IOException, URISyntaxException {
		try (Stream<Path> files = Files.list(captures())) {
			return files.filter(p -> p.toString().endsWith(".json"))
				.map(p -> p.resolveSibling(p.getFileName().toString().replaceAll("\\.json$", "")))
				.filter(Files::isRegularFile)
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("withTsharkView")
	void agreesWithTsharkOnSipMessagesAndDialogs(Path capture) throws IOException {
		String name = capture.getFileName().toString();
		JsonNode expected = JSON.readTree(capture.resolveSibling(name + ".json").toFile());
		TraceReport report = TraceAnalyzer.analyze(capture, Options.defaults());
		int icmp = ICMP_QUOTED_SIP.getOrDefault(name, 0);
		assertThat(report.capture().damage()).isNull();
		assertThat(report.stats().sipMessages()).isEqualTo(expected.get("sip_messages").asLong() - icmp);
		assertThat(report.dialogs()).hasSize(expected.get("call_ids").asInt());
		assertThat(report.stats().sipResponses()).isEqualTo(counts(expected.get("sip_responses")));
		if (icmp == 0) {
			assertThat(report.stats().sipRequests()).isEqualTo(counts(expected.get("sip_requests")));
		}
		else {
			long options = expected.get("sip_requests").get("OPTIONS").asLong();
			assertThat(report.stats().sipRequests()).containsEntry("OPTIONS", options - icmp);
		}
		assertThat(report.stats().sdpBodies()).isEqualTo(expected.get("sdp_bodies").asLong());
		assertThat(report.stats().internalErrors()).isZero();
	}

	@Test
	void plainUdpCallIsUnencryptedWithPlainRtp() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-udp-call.pcapng"));
		assertThat(r.legs()).singleElement().satisfies(l -> {
			assertThat(l.transport()).isEqualTo("UDP");
			assertThat(l.verdict()).isEqualTo("UNENCRYPTED");
			assertThat(l.media()).singleElement().satisfies(m -> {
				assertThat(m.profile()).isEqualTo("RTP/AVP");
				assertThat(m.packets().rtp()).isEqualTo(132);
				assertThat(m.protection()).isEqualTo("UNPROTECTED");
			});
		});
		assertThat(ruleIds(r)).contains("SIP_PLAINTEXT_SIGNALLING", "MEDIA_PLAIN_RTP", "UNAUTHENTICATED_CALL")
			.doesNotContain("REGISTER_BRUTE_FORCE", "SIP_SCANNER", "TOLL_FRAUD_PATTERN", "SDES_KEYS_EXPOSED");
	}

	@Test
	void tcpCallCapturedOnAnyInterfaceIsDecodedFromSll2() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-tcp-call-any-sll2.pcapng"));
		assertThat(r.capture().linkTypes()).contains("LINUX_SLL2");
		assertThat(r.legs()).singleElement().satisfies(l -> {
			assertThat(l.transport()).isEqualTo("TCP");
			assertThat(l.verdict()).isEqualTo("UNENCRYPTED");
		});
		assertThat(ruleIds(r)).contains("SIP_PLAINTEXT_SIGNALLING", "MEDIA_PLAIN_RTP");
	}

	@Test
	void ipv6CallWithNanosecondTimestampsIsAnalysed() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-ipv6-call.nsec.pcap"));
		assertThat(r.capture().format()).isEqualTo("pcap-ns");
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.endpointA()).startsWith("["));
		assertThat(ruleIds(r)).contains("MEDIA_PLAIN_RTP");
	}

	@Test
	void registerBruteForceFollowedBySuccessIsCritical() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-register-bruteforce.pcapng"));
		Finding f = only(r, "REGISTER_BRUTE_FORCE");
		assertThat(f.severity().name()).isEqualTo("CRITICAL");
		assertThat(f.subjectType()).isEqualTo("source");
		assertThat(f.frames()).isNotEmpty();
		assertThat(ruleIds(r)).doesNotContain("TOLL_FRAUD_PATTERN", "SIP_SCANNER");
	}

	@Test
	void svmapScanIsReportedAsScanner() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-scanner-svmap.pcapng"));
		assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("SIP_SCANNER"))
			.anySatisfy(f -> assertThat(f.evidence()).contains("friendly-scanner"));
		assertThat(ruleIds(r)).doesNotContain("REGISTER_BRUTE_FORCE", "TOLL_FRAUD_PATTERN");
	}

	@Test
	void tollFraudBurstIsReported() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-toll-fraud-burst.pcapng"));
		assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("TOLL_FRAUD_PATTERN"))
			.anySatisfy(f -> assertThat(f.subjectId()).isEqualTo("127.0.0.66"));
		assertThat(ruleIds(r)).doesNotContain("REGISTER_BRUTE_FORCE");
	}

	@Test
	void inviteAcceptedWithoutChallengeIsUnauthenticated() throws Exception {
		TraceReport r = analyze(captures().resolve("sip-unauthenticated-invite.pcapng"));
		assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("UNAUTHENTICATED_CALL")).hasSize(1);
		assertThat(r.dialogs()).hasSize(2);
	}

	@Test
	void expiredSelfSignedCertificateIsReported() throws Exception {
		TraceReport r = analyze(tlsCaptures().resolve("tls12-expired.pcap"));
		assertThat(r.legs()).singleElement().satisfies(l -> {
			assertThat(l.transport()).isEqualTo("TLS");
			assertThat(l.tls().version()).isEqualTo("TLS 1.2");
			assertThat(l.verdict()).isEqualTo("ENCRYPTED");
		});
		assertThat(ruleIds(r)).contains("CERT_EXPIRED", "CERT_SELF_SIGNED")
			.doesNotContain("CERT_EXPIRING", "TLS_LEGACY_VERSION");
	}

	@Test
	void tls10AndTls11AreLegacy() throws Exception {
		assertThat(ruleIds(analyze(tlsCaptures().resolve("tls10-cbc.pcap")))).contains("TLS_LEGACY_VERSION");
		assertThat(ruleIds(analyze(tlsCaptures().resolve("tls11-cbc.pcap")))).contains("TLS_LEGACY_VERSION");
		assertThat(ruleIds(analyze(tlsCaptures().resolve("tls12-ecdhe-aes128gcm.pcap"))))
			.doesNotContain("TLS_LEGACY_VERSION", "TLS_WEAK_CIPHER");
	}

	@Test
	void tls13IsReadFromSupportedVersionsAndHidesTheCertificate() throws Exception {
		TraceReport r = analyze(tlsCaptures().resolve("tls13-aes128gcm.pcap"));
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.tls().version()).isEqualTo("TLS 1.3"));
		assertThat(ruleIds(r)).contains("CERT_NOT_OBSERVABLE").doesNotContain("TLS_LEGACY_VERSION");
	}

	@Test
	void rsa1024CertificateAndRsaKeyExchangeAreWeak() throws Exception {
		TraceReport r = analyze(tlsCaptures().resolve("tls12-weak-rsa1024.pcap"));
		assertThat(ruleIds(r)).contains("CERT_WEAK_KEY", "TLS_WEAK_CIPHER");
	}

	@Test
	void dtlsSrtpHandshakeWithoutSignallingIsJudgedByTheMediaFlow() throws Exception {
		TraceReport r = analyze(tlsCaptures().resolve("dtls12-srtp.pcap"));
		assertThat(r.unmatchedMedia()).singleElement().satisfies(m -> {
			assertThat(m.dtlsHandshakeSeen()).isTrue();
			assertThat(m.dtlsUseSrtp()).isTrue();
			assertThat(m.protection()).isEqualTo("PROTECTED");
		});
	}

	@Test
	void keyLogDecryptsTls12Connection() throws Exception {
		Path cap = tlsCaptures().resolve("tls12-ecdhe-aes128gcm.pcap");
		TraceReport r = TraceAnalyzer.analyze(cap,
				Options.defaults().withKeyLog(tlsCaptures().resolve("tls12-ecdhe-aes128gcm.keys")));
		assertThat(r.legs()).singleElement().satisfies(l -> assertThat(l.tls().decrypted()).isTrue());
	}

	@Test
	void proxiedCallShowsTheKeysCrossingTheUdpLegWithAndWithoutTheKeyLog() throws Exception {
		Path cap = captures().resolve("sip-proxy-tls-to-udp-sdes.pcapng");
		TraceReport plain = analyze(cap);
		// without the key log the TLS leg's SDP is hidden, but the media negotiated on
		// the
		// UDP leg (whose keys crossed in clear) started after it between its hosts: it is
		// tied to the TLS leg too, which is then judged as the key log shows
		assertThat(plain.legs()).filteredOn(l -> l.transport().equals("TLS")).singleElement().satisfies(l -> {
			assertThat(l.verdict()).isEqualTo("PARTLY_ENCRYPTED");
			assertThat(l.media()).singleElement()
				.satisfies(m -> assertThat(m.cryptoSuites()).contains("AES_CM_128_HMAC_SHA1_80"));
		});
		TraceReport keyed = TraceAnalyzer.analyze(cap,
				Options.defaults().withKeyLog(captures().resolve("sip-proxy-tls-to-udp-sdes.pcapng.keylog")));
		assertThat(keyed.legs()).filteredOn(l -> l.transport().equals("TLS")).singleElement().satisfies(l -> {
			assertThat(l.tls().decrypted()).isTrue();
			assertThat(l.sipMessages()).isEqualTo(7);
			// the same SRTP keys also crossed the UDP leg in clear, so the media of this
			// leg is exposed too
			assertThat(l.verdict()).isEqualTo("PARTLY_ENCRYPTED");
			assertThat(l.media()).singleElement()
				.satisfies(m -> assertThat(m.cryptoSuites()).contains("AES_CM_128_HMAC_SHA1_80"));
		});
		assertThat(keyed.legs()).filteredOn(l -> l.transport().equals("UDP"))
			.singleElement()
			.satisfies(l -> assertThat(l.verdict()).isEqualTo("UNENCRYPTED"));
		assertThat(ruleIds(keyed)).contains("SDES_KEYS_EXPOSED", "SIP_PLAINTEXT_SIGNALLING");
	}

	static TraceReport analyze(Path p) throws IOException {
		return TraceAnalyzer.analyze(p, Options.defaults());
	}

	static Set<String> ruleIds(TraceReport r) {
		return r.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
	}

	static Finding only(TraceReport r, String rule) {
		List<Finding> f = r.findings().stream().filter(x -> x.ruleId().equals(rule)).toList();
		assertThat(f).hasSize(1);
		return f.get(0);
	}

	private static Map<String, Long> counts(JsonNode node) {
		Map<String, Long> out = new TreeMap<>();
		Iterator<Map.Entry<String, JsonNode>> it = node.fields();
		while (it.hasNext()) {
			Map.Entry<String, JsonNode> e = it.next();
			out.put(e.getKey(), e.getValue().asLong());
		}
		return out;
	}

}
