package io.trunkguard.analyzer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real handshakes made by openssl s_server/s_client on loopback and captured by tshark
 * (make-tls-captures.sh), fed as the analyzer would: per direction, in capture order,
 * with several chunkings. The client sent CLIENT; the server (-rev) answered it reversed.
 */
class TlsCaptureTest {

	static final String CLIENT = "OPTIONS sip:probe@127.0.0.1 SIP/2.0\n";
	static final String SERVER = new StringBuilder("OPTIONS sip:probe@127.0.0.1 SIP/2.0").reverse() + "\n";

	enum Chunking {

		AS_CAPTURED, BYTE_BY_BYTE, RUNS_COALESCED, RANDOM_SPLITS

	}

	record Run(TlsFacts facts, String plainA, String plainB, int listenerCalls) {
	}

	static Run run(String capture, KeyLog keyLog, Chunking chunking) {
		return run(capture, keyLog, chunking, TestPcap.payloads(capture));
	}

	static Run run(String capture, KeyLog keyLog, Chunking chunking, List<TestPcap.Payload> payloads) {
		boolean udp = capture.startsWith("dtls");
		TlsConnection c = udp ? TlsConnection.datagram(keyLog) : TlsConnection.stream(keyLog);
		ByteArrayOutputStream[] plain = { new ByteArrayOutputStream(), new ByteArrayOutputStream() };
		int[] calls = { 0 };
		c.setPlaintextListener((side, buf, off, len, frame) -> {
			plain[side.ordinal()].write(buf, off, len);
			calls[0]++;
		});
		if (udp) {
			for (TestPcap.Payload p : payloads) {
				c.onDatagram(p.side(), p.bytes(), 0, p.bytes().length, p.frame());
			}
		}
		else {
			feed(c, payloads, chunking);
		}
		return new Run(c.facts(), plain[0].toString(StandardCharsets.ISO_8859_1),
				plain[1].toString(StandardCharsets.ISO_8859_1), calls[0]);
	}

	private static void feed(TlsConnection c, List<TestPcap.Payload> payloads, Chunking chunking) {
		Random random = new Random(42);
		if (chunking == Chunking.RUNS_COALESCED) {
			List<TestPcap.Payload> runs = new ArrayList<>();
			for (TestPcap.Payload p : payloads) {
				TestPcap.Payload last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
				if (last != null && last.side() == p.side()) {
					byte[] joined = new byte[last.bytes().length + p.bytes().length];
					System.arraycopy(last.bytes(), 0, joined, 0, last.bytes().length);
					System.arraycopy(p.bytes(), 0, joined, last.bytes().length, p.bytes().length);
					runs.set(runs.size() - 1, new TestPcap.Payload(p.frame(), p.side(), joined));
				}
				else {
					runs.add(p);
				}
			}
			payloads = runs;
		}
		for (TestPcap.Payload p : payloads) {
			byte[] b = p.bytes();
			switch (chunking) {
				case BYTE_BY_BYTE:
					for (int i = 0; i < b.length; i++) {
						c.onStreamData(p.side(), b, i, 1, p.frame());
					}
					break;
				case RANDOM_SPLITS:
					for (int i = 0; i < b.length;) {
						int n = Math.min(b.length - i, 1 + random.nextInt(300));
						// a fresh array each time: the connection must not keep
						// references to the caller's buffer
						byte[] chunk = java.util.Arrays.copyOfRange(b, i, i + n);
						c.onStreamData(p.side(), chunk, 0, n, p.frame());
						i += n;
					}
					break;
				default:
					c.onStreamData(p.side(), b, 0, b.length, p.frame());
					break;
			}
		}
	}

	static Stream<Arguments> decryptableCaptures() {
		List<Arguments> cases = List.of(
				Arguments.of("tls12-ecdhe-aes128gcm", "TLS 1.2", 0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-ecdhe-aes256gcm", "TLS 1.2", 0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-ecdhe-cbc-etm", "TLS 1.2", 0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-rsa-cbc-mte", "TLS 1.2", 0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA",
						CipherSuites.Strength.WEAK_CBC_NO_FS),
				Arguments.of("tls12-cbc-sha384", "TLS 1.2", 0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-chacha20", "TLS 1.2", 0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-ecdsa-chain", "TLS 1.2", 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-weak-rsa1024", "TLS 1.2", 0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA",
						CipherSuites.Strength.WEAK_CBC_NO_FS),
				Arguments.of("tls12-expired", "TLS 1.2", 0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls13-aes128gcm", "TLS 1.3", 0x1301, "TLS_AES_128_GCM_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls13-aes256gcm", "TLS 1.3", 0x1302, "TLS_AES_256_GCM_SHA384",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls13-chacha20", "TLS 1.3", 0x1303, "TLS_CHACHA20_POLY1305_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls13-hrr", "TLS 1.3", 0x1302, "TLS_AES_256_GCM_SHA384", CipherSuites.Strength.STRONG),
				Arguments.of("tls13-aes128ccm", "TLS 1.3", 0x1304, "TLS_AES_128_CCM_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls13-aes128ccm8", "TLS 1.3", 0x1305, "TLS_AES_128_CCM_8_SHA256",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-ecdhe-ecdsa-ccm", "TLS 1.2", 0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls12-rsa-ccm8", "TLS 1.2", 0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls11-cbc", "TLS 1.1", 0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls10-cbc", "TLS 1.0", 0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
						CipherSuites.Strength.STRONG),
				Arguments.of("tls10-cbc-mte", "TLS 1.0", 0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA",
						CipherSuites.Strength.WEAK_CBC_NO_FS));
		List<Arguments> out = new ArrayList<>();
		for (Arguments a : cases) {
			for (Chunking chunking : Chunking.values()) {
				Object[] args = a.get();
				out.add(Arguments.of(args[0], chunking, args[1], args[2], args[3], args[4]));
			}
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("decryptableCaptures")
	void readsHandshakeAndDecryptsBothDirectionsWhateverTheChunking(String capture, Chunking chunking, String version,
			int suite, String suiteName, CipherSuites.Strength strength) {
		Run run = run(capture, TestPcap.keyLog(capture), chunking);
		TlsFacts f = run.facts();

		assertThat(f.damage()).isNull();
		assertThat(f.decryptionProblem()).isNull();
		assertThat(f.clientSide()).isEqualTo(Side.A);
		assertThat(f.datagram()).isFalse();
		assertThat(f.version()).isEqualTo(version);
		assertThat(f.cipherSuite()).isEqualTo(suite);
		assertThat(f.cipherSuiteName()).isEqualTo(suiteName);
		assertThat(f.cipherStrength()).isEqualTo(strength);
		assertThat(f.serverName()).endsWith(".example.test");
		assertThat(f.handshakeComplete()).isTrue();
		assertThat(f.serverCertificates()).isNotEmpty();
		assertThat(f.certificatesEncrypted()).isFalse();
		assertThat(f.clientHelloFrame()).isPositive();
		assertThat(f.serverHelloFrame()).isGreaterThan(f.clientHelloFrame());
		assertThat(f.certificateFrame()).isGreaterThanOrEqualTo(f.serverHelloFrame());
		assertThat(f.decrypted()).isTrue();
		assertThat(f.alert()).isEqualTo("close_notify"); // decrypted: alerts are
															// protected after the
															// handshake
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo(SERVER);
	}

	static Stream<Arguments> legacySuiteCaptures() {
		List<Arguments> cases = List.of(Arguments.of("gnutls-3des", 0x000A, CipherSuites.Strength.WEAK_3DES),
				Arguments.of("gnutls-rc4-sha", 0x0005, CipherSuites.Strength.WEAK_RC4),
				Arguments.of("gnutls-rc4-md5", 0x0004, CipherSuites.Strength.WEAK_RC4),
				Arguments.of("gnutls-null-sha256", 0x003B, CipherSuites.Strength.WEAK_NULL));
		List<Arguments> out = new ArrayList<>();
		for (Arguments a : cases) {
			for (Chunking chunking : Chunking.values()) {
				out.add(Arguments.of(a.get()[0], chunking, a.get()[1], a.get()[2]));
			}
		}
		return out.stream();
	}

	/**
	 * GnuTLS sessions (its echo server answers the line unchanged) with suites this
	 * openssl lacks.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("legacySuiteCaptures")
	void decryptsLegacySuitesMadeByGnutls(String capture, Chunking chunking, int suite,
			CipherSuites.Strength strength) {
		Run run = run(capture, TestPcap.keyLog(capture), chunking);

		assertThat(run.facts().version()).isEqualTo("TLS 1.2");
		assertThat(run.facts().cipherSuite()).isEqualTo(suite);
		assertThat(run.facts().cipherStrength()).isEqualTo(strength);
		assertThat(run.facts().decryptionProblem()).isNull();
		assertThat(run.facts().damage()).isNull();
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo(CLIENT);
	}

	@ParameterizedTest
	@EnumSource(Chunking.class)
	void readsNullCipherDataWithoutAnyKey(Chunking chunking) {
		Run run = run("gnutls-null-sha256", null, chunking);

		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo(CLIENT);
		assertThat(run.facts().decrypted()).isFalse(); // nothing needed decrypting
		assertThat(run.facts().cipherStrength()).isEqualTo(CipherSuites.Strength.WEAK_NULL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gnutls-3des", "gnutls-rc4-sha", "gnutls-rc4-md5" })
	void deliversNothingForRealCiphersWithoutAKey(String capture) {
		assertThat(run(capture, null, Chunking.AS_CAPTURED).listenerCalls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "gnutls-3des", "gnutls-rc4-sha", "gnutls-rc4-md5", "gnutls-null-sha256" })
	void rejectsAWrongKeyForLegacySuitesToo(String capture) throws IOException {
		String wrong = TestPcap.keyLogText(capture)
			.lines()
			.map(line -> line.startsWith("#") ? line : flipLastHexDigit(line))
			.collect(Collectors.joining("\n"));
		Run run = run(capture, KeyLog.parse(new StringReader(wrong)), Chunking.AS_CAPTURED);

		assertThat(run.facts().decrypted()).isFalse();
		assertThat(run.facts().decryptionProblem()).contains("wrong key?");
		if (capture.contains("null")) {
			assertThat(run.plainA()).isEqualTo(CLIENT); // readable anyway: the NULL
														// cipher hides nothing
		}
		else {
			assertThat(run.listenerCalls()).isZero();
		}
	}

	@Test
	void readsTls13FromSupportedVersionsAlthoughTheLegacyFieldSaysTls12() {
		List<TestPcap.Payload> payloads = TestPcap.payloads("tls13-aes128gcm");
		byte[] server = TestPcap.stream(payloads, Side.B);
		// record header (5) + handshake header (4): ServerHello.legacy_version on the
		// wire
		assertThat(server[5]).isEqualTo((byte) 2);
		assertThat(Wire.u16(server, 9)).isEqualTo(0x0303);

		TlsFacts f = run("tls13-aes128gcm", null, Chunking.AS_CAPTURED).facts();

		assertThat(f.version()).isEqualTo("TLS 1.3");
		assertThat(f.versionCode()).isEqualTo(0x0304);
		assertThat(f.offeredVersions()).containsExactly(0x0304);
	}

	@ParameterizedTest
	@EnumSource(Chunking.class)
	void marksTls13CertificatesEncryptedWithoutAKeyLog(Chunking chunking) {
		Run run = run("tls13-aes256gcm", null, chunking);
		TlsFacts f = run.facts();

		assertThat(f.version()).isEqualTo("TLS 1.3");
		assertThat(f.certificatesEncrypted()).isTrue();
		assertThat(f.serverCertificates()).isEmpty();
		assertThat(f.certificateFrame()).isZero();
		assertThat(f.decrypted()).isFalse();
		assertThat(f.decryptionProblem()).isNull();
		assertThat(f.handshakeComplete()).isTrue();
		assertThat(f.alert()).isNull(); // the closing alerts are encrypted
		assertThat(f.alpn()).containsExactly("sip", "h2"); // the server's choice is
															// encrypted: what was offered
		assertThat(f.damage()).isNull();
		assertThat(run.listenerCalls()).isZero();
	}

	@Test
	void readsTheNegotiatedAlpnFromDecryptedEncryptedExtensions() {
		TlsFacts f = run("tls13-aes256gcm", TestPcap.keyLog("tls13-aes256gcm"), Chunking.AS_CAPTURED).facts();
		assertThat(f.alpn()).containsExactly("sip");
	}

	@Test
	void readsTls12CertificatesWithoutAKeyLog() {
		TlsFacts f = run("tls12-ecdsa-chain", null, Chunking.AS_CAPTURED).facts();

		assertThat(f.decrypted()).isFalse();
		assertThat(f.handshakeComplete()).isTrue();
		assertThat(f.serverName()).isEqualTo("proxy.example.test");
		assertThat(f.serverCertificates()).hasSize(2);
		CertificateFacts leaf = f.serverCertificates().get(0);
		CertificateFacts ca = f.serverCertificates().get(1);
		assertThat(leaf.subject()).isEqualTo("CN=proxy.example.test,O=Trunkguard Test");
		assertThat(leaf.issuer()).isEqualTo("CN=Trunkguard Test CA,O=Trunkguard Test");
		assertThat(leaf.selfSigned()).isFalse();
		assertThat(leaf.keyAlgorithm()).isEqualTo("EC");
		assertThat(leaf.keyBits()).isEqualTo(256);
		assertThat(leaf.weakKey()).isFalse();
		assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
		assertThat(leaf.subjectAltNames()).containsExactly("DNS:proxy.example.test", "DNS:*.proxy.example.test",
				"IP:127.0.0.1");
		assertThat(leaf.sha256Fingerprint()).isEqualTo(CertificateFactsTest.opensslFingerprint("ec-leaf.pem"));
		assertThat(ca.selfSigned()).isTrue();
		assertThat(ca.sha256Fingerprint()).isEqualTo(CertificateFactsTest.opensslFingerprint("ca.pem"));
	}

	@Test
	void reportsWeakAndExpiredServerCertificates() {
		CertificateFacts weak = run("tls12-weak-rsa1024", null, Chunking.AS_CAPTURED).facts()
			.serverCertificates()
			.get(0);
		assertThat(weak.keyBits()).isEqualTo(1024);
		assertThat(weak.weakKey()).isTrue();
		assertThat(weak.selfSigned()).isTrue();

		CertificateFacts expired = run("tls12-expired", null, Chunking.AS_CAPTURED).facts().serverCertificates().get(0);
		assertThat(expired.notAfter()).isBefore(Instant.parse("2020-02-01T00:00:00Z"));
		assertThat(expired.notBefore()).isAfter(Instant.parse("2019-12-31T00:00:00Z"));
		assertThat(expired.subject()).isEqualTo("CN=expired.example.test,O=Trunkguard Test");
	}

	@Test
	void reportsOfferedAlpnWhenTheServerDoesNotAnswer() {
		TlsFacts f = run("tls12-ecdhe-aes128gcm", null, Chunking.AS_CAPTURED).facts();
		assertThat(f.alpn()).containsExactly("sip", "h2");
		assertThat(f.offeredVersions()).containsExactly(0x0303);
	}

	@Test
	void followsHelloRetryRequestToTheSecondClientHello() {
		Run run = run("tls13-hrr", TestPcap.keyLog("tls13-hrr"), Chunking.AS_CAPTURED);
		List<Long> clientFrames = TestPcap.payloads("tls13-hrr")
			.stream()
			.filter(p -> p.side() == Side.A)
			.map(TestPcap.Payload::frame)
			.collect(Collectors.toList());

		assertThat(run.facts().clientHelloFrame()).isEqualTo(clientFrames.get(1)); // the
																					// retried
																					// ClientHello
		assertThat(run.facts().version()).isEqualTo("TLS 1.3");
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo(SERVER);
	}

	@Test
	void readsKeyShareGroupsBeforeAndAfterTheRetry() {
		List<TestPcap.Payload> payloads = TestPcap.payloads("tls13-hrr");
		TlsConnection c = TlsConnection.stream(null);
		TestPcap.Payload first = payloads.get(0);
		c.onStreamData(first.side(), first.bytes(), 0, first.bytes().length, first.frame());
		assertThat(c.keyShareGroups()).containsExactly(0x001d); // x25519, which the
																// server refuses

		TestPcap.Payload retry = payloads.get(1);
		c.onStreamData(retry.side(), retry.bytes(), 0, retry.bytes().length, retry.frame());
		assertThat(c.selectedGroup()).isEqualTo(0x0017); // the HelloRetryRequest asks for
															// secp256r1

		for (TestPcap.Payload p : payloads.subList(2, payloads.size())) {
			c.onStreamData(p.side(), p.bytes(), 0, p.bytes().length, p.frame());
		}
		assertThat(c.keyShareGroups()).containsExactly(0x0017);
		assertThat(c.selectedGroup()).isEqualTo(0x0017);
	}

	@ParameterizedTest
	@EnumSource(Chunking.class)
	void keepsDecryptingAcrossATls13KeyUpdate(Chunking chunking) {
		Run run = run("tls13-keyupdate", TestPcap.keyLog("tls13-keyupdate"), chunking);

		String second = "SECOND " + CLIENT;
		assertThat(run.facts().decryptionProblem()).isNull();
		assertThat(run.plainA()).isEqualTo(CLIENT + second);
		assertThat(run.plainB()).isEqualTo(SERVER + new StringBuilder(second.trim()).reverse() + "\n");
	}

	@Test
	void parsesTheEncryptedRenegotiationAttemptAndTheAlertThatRefusedIt() {
		Run run = run("tls12-renegotiation", TestPcap.keyLog("tls12-renegotiation"), Chunking.AS_CAPTURED);

		assertThat(run.facts().damage()).isNull();
		assertThat(run.facts().alert()).isEqualTo("handshake_failure");
		assertThat(run.facts().clientHelloFrame()).isGreaterThan(run.facts().certificateFrame()); // the
																									// renegotiation
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo(SERVER);
	}

	@Test
	void readsDtlsWithUseSrtpAndReassemblesTheFragmentedCertificate() {
		Run run = run("dtls12-srtp", TestPcap.keyLog("dtls12-srtp"), Chunking.AS_CAPTURED);
		TlsFacts f = run.facts();

		assertThat(f.datagram()).isTrue();
		assertThat(f.version()).isEqualTo("DTLS 1.2");
		assertThat(f.versionCode()).isEqualTo(0xfefd);
		assertThat(f.offeredVersions()).containsExactly(0xfefd);
		assertThat(f.useSrtpNegotiated()).isTrue();
		assertThat(f.srtpProtectionProfiles()).containsExactly(0x0001);
		assertThat(SrtpSuites.profileName(f.srtpProtectionProfiles().get(0))).isEqualTo("SRTP_AES128_CM_HMAC_SHA1_80");
		assertThat(f.serverCertificates()).hasSize(1);
		assertThat(f.serverCertificates().get(0).sha256Fingerprint())
			.isEqualTo(CertificateFactsTest.opensslFingerprint("rsa2048.pem"));
		assertThat(f.handshakeComplete()).isTrue();
		assertThat(f.damage()).isNull();
		assertThat(f.decrypted()).isTrue();
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo("SIP/2.0 200 OK\n");
	}

	@Test
	void decryptsDtlsWithACbcSuiteAndMacThenEncrypt() {
		Run run = run("dtls12-cbc-mte", TestPcap.keyLog("dtls12-cbc-mte"), Chunking.AS_CAPTURED);

		assertThat(run.facts().cipherSuiteName()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
		assertThat(run.facts().srtpProtectionProfiles()).containsExactly(0x0008);
		assertThat(run.facts().decryptionProblem()).isNull();
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo("SIP/2.0 200 OK\n");
	}

	@Test
	void reportsAWrongDtlsKeyWithoutDeliveringAnything() throws IOException {
		String wrong = TestPcap.keyLogText("dtls12-srtp")
			.lines()
			.map(line -> line.startsWith("#") ? line : flipLastHexDigit(line))
			.collect(Collectors.joining("\n"));
		Run run = run("dtls12-srtp", KeyLog.parse(new StringReader(wrong)), Chunking.AS_CAPTURED);

		assertThat(run.facts().decrypted()).isFalse();
		assertThat(run.listenerCalls()).isZero();
		assertThat(run.facts().decryptionProblem()).contains("wrong key?");
		assertThat(run.facts().handshakeComplete()).isTrue();
		assertThat(run.facts().damage()).isNull();
	}

	@Test
	void reportsTheOfferedSrtpProfilesBeforeTheServerAnswers() {
		List<TestPcap.Payload> clientHelloOnly = TestPcap.payloads("dtls12-srtp").subList(0, 1);
		TlsFacts f = run("dtls12-srtp", null, Chunking.AS_CAPTURED, clientHelloOnly).facts();

		assertThat(f.useSrtpNegotiated()).isFalse();
		assertThat(f.srtpProtectionProfiles()).containsExactly(0x0007, 0x0001);
		assertThat(f.version()).isNull();
		assertThat(f.cipherSuite()).isEqualTo(-1);
		assertThat(f.cipherStrength()).isEqualTo(CipherSuites.Strength.UNKNOWN);
	}

	@Test
	void ignoresDtlsRetransmissionsAndReorderedFragments() {
		List<TestPcap.Payload> original = TestPcap.payloads("dtls12-srtp");
		List<TestPcap.Payload> messy = new ArrayList<>();
		for (int i = 0; i < original.size(); i++) {
			messy.add(original.get(i));
			messy.add(original.get(i)); // every datagram twice
		}
		// swap two certificate fragments (datagrams 5 and 6 of the capture)
		int a = indexOfFrame(messy, 5);
		int b = indexOfFrame(messy, 6);
		TestPcap.Payload tmp = messy.get(a);
		messy.set(a, messy.get(b));
		messy.set(b, tmp);

		Run run = run("dtls12-srtp", TestPcap.keyLog("dtls12-srtp"), Chunking.AS_CAPTURED, messy);

		assertThat(run.facts().damage()).isNull();
		assertThat(run.facts().serverCertificates()).hasSize(1);
		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo("SIP/2.0 200 OK\n");
	}

	private static int indexOfFrame(List<TestPcap.Payload> payloads, long frame) {
		for (int i = 0; i < payloads.size(); i++) {
			if (payloads.get(i).frame() == frame) {
				return i;
			}
		}
		throw new AssertionError("no frame " + frame);
	}

	@ParameterizedTest
	@MethodSource("decryptableNames")
	void doesNotDecryptWithAnotherSessionsKeyLog(String capture) {
		String other = capture.startsWith("tls13") ? "tls13-chacha20" : "tls12-chacha20";
		if (capture.equals(other)) {
			other = capture.startsWith("tls13") ? "tls13-aes128gcm" : "tls12-ecdhe-aes128gcm";
		}
		Run run = run(capture, TestPcap.keyLog(other), Chunking.AS_CAPTURED);

		assertThat(run.facts().decrypted()).isFalse();
		assertThat(run.listenerCalls()).isZero();
		assertThat(run.facts().decryptionProblem()).contains("no").contains("client random");
		assertThat(run.facts().damage()).isNull();
		assertThat(run.facts().handshakeComplete()).isTrue();
	}

	static Stream<String> decryptableNames() {
		return decryptableCaptures().map(a -> (String) a.get()[0]).distinct();
	}

	@ParameterizedTest
	@MethodSource("decryptableNames")
	void reportsAWrongKeyWithoutThrowingOrDeliveringGarbage(String capture) throws IOException {
		String wrong = TestPcap.keyLogText(capture)
			.lines()
			.map(line -> line.startsWith("#") ? line : flipLastHexDigit(line))
			.collect(Collectors.joining("\n"));
		Run run = run(capture, KeyLog.parse(new StringReader(wrong)), Chunking.AS_CAPTURED);

		assertThat(run.facts().decrypted()).isFalse();
		assertThat(run.listenerCalls()).isZero();
		assertThat(run.facts().decryptionProblem()).contains("wrong key?");
		assertThat(run.facts().damage()).isNull();
		assertThat(run.facts().version()).isNotNull();
	}

	private static String flipLastHexDigit(String line) {
		char last = line.charAt(line.length() - 1);
		char flipped = last == '0' ? '1' : '0';
		return line.substring(0, line.length() - 1) + flipped;
	}

	@ParameterizedTest
	@EnumSource(Chunking.class)
	void decryptsTls13ApplicationDataWithOnlyTheTrafficSecretsLogged(Chunking chunking) throws IOException {
		String appOnly = TestPcap.keyLogText("tls13-chacha20")
			.lines()
			.filter(l -> l.startsWith("CLIENT_TRAFFIC_SECRET_0") || l.startsWith("SERVER_TRAFFIC_SECRET_0"))
			.collect(Collectors.joining("\n"));
		Run run = run("tls13-chacha20", KeyLog.parse(new StringReader(appOnly)), chunking);

		assertThat(run.plainA()).isEqualTo(CLIENT);
		assertThat(run.plainB()).isEqualTo(SERVER);
		assertThat(run.facts().decrypted()).isTrue();
		assertThat(run.facts().certificatesEncrypted()).isTrue(); // the handshake stayed
																	// closed
		assertThat(run.facts().decryptionProblem()).contains("handshake traffic secrets");
	}

	@Test
	void readsTheClientCertificateOfMutualTls() {
		TlsConnection c = TlsConnection.stream(TestPcap.keyLog("tls12-mutual"));
		for (TestPcap.Payload p : TestPcap.payloads("tls12-mutual")) {
			c.onStreamData(p.side(), p.bytes(), 0, p.bytes().length, p.frame());
		}

		assertThat(c.clientCertificates()).singleElement().satisfies(cert -> {
			assertThat(cert.subject()).isEqualTo("CN=proxy.example.test,O=Trunkguard Test");
			assertThat(cert.sha256Fingerprint()).isEqualTo(CertificateFactsTest.opensslFingerprint("ec-leaf.pem"));
		});
		assertThat(c.facts().serverCertificates()).singleElement()
			.satisfies(cert -> assertThat(cert.subject()).isEqualTo("CN=sip.example.test,O=Trunkguard Test"));
		assertThat(c.facts().decrypted()).isTrue();
		assertThat(c.facts().damage()).isNull();
	}

	@Test
	void listsTheOfferedCipherSuitesInOrder() {
		TlsConnection c = TlsConnection.stream(null);
		TestPcap.Payload hello = TestPcap.payloads("tls12-rsa-cbc-mte").get(0);
		c.onStreamData(hello.side(), hello.bytes(), 0, hello.bytes().length, hello.frame());

		// -cipher AES256-SHA: the one suite plus the renegotiation SCSV openssl always
		// adds
		assertThat(c.offeredCipherSuites()).containsExactly(0x0035, 0x00FF);
		assertThat(c.clientCertificates()).isEmpty();
	}

	@Test
	void saysWhenTheSuiteCannotBeDecryptedAndStillReadsTheHandshake() {
		Run run = run("tls12-aria-gcm", TestPcap.keyLog("tls12-aria-gcm"), Chunking.AS_CAPTURED);

		assertThat(run.facts().cipherSuiteName()).isEqualTo("TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256");
		assertThat(run.facts().decryptionProblem()).contains("not decryptable");
		assertThat(run.facts().decrypted()).isFalse();
		assertThat(run.facts().serverCertificates()).hasSize(1);
		assertThat(run.facts().handshakeComplete()).isTrue();
		assertThat(run.listenerCalls()).isZero();
	}

	@Test
	void reportsAHandshakeRefusedForWantOfASharedCipher() {
		TlsFacts f = run("tls12-no-shared-cipher", null, Chunking.AS_CAPTURED).facts();

		assertThat(f.alert()).isEqualTo("handshake_failure");
		assertThat(f.serverName()).isEqualTo("sip.example.test");
		assertThat(f.version()).isNull();
		assertThat(f.cipherSuite()).isEqualTo(-1);
		assertThat(f.handshakeComplete()).isFalse();
		assertThat(f.damage()).isNull();
	}

	@Test
	void reportsGarbageInTheMiddleOfAStreamWithItsOffsetAndKeepsWhatCameBefore() {
		List<TestPcap.Payload> payloads = new ArrayList<>(TestPcap.payloads("tls12-ecdhe-aes128gcm"));
		int clientHelloBytes = payloads.get(0).bytes().length;
		// after the ClientHello, the client "sends" something that is not TLS
		payloads.add(1, new TestPcap.Payload(999, Side.A, "GARBAGE NOT TLS".getBytes(StandardCharsets.US_ASCII)));

		Run run = run("tls12-ecdhe-aes128gcm", TestPcap.keyLog("tls12-ecdhe-aes128gcm"), Chunking.AS_CAPTURED,
				payloads);
		TlsFacts f = run.facts();

		assertThat(f.damage()).contains("side A").contains("stream offset " + clientHelloBytes).contains("frame 999");
		assertThat(f.serverName()).isEqualTo("sip.example.test"); // from before the
																	// damage
		assertThat(f.serverCertificates()).hasSize(1); // the server's direction is intact
		assertThat(run.plainB()).isEqualTo(SERVER);
		assertThat(run.plainA()).isEmpty(); // the client direction stopped at the garbage
	}

	@Test
	void survivesACaptureCutShortAnywhere() {
		List<TestPcap.Payload> payloads = TestPcap.payloads("tls13-aes128gcm");
		for (int cut = 0; cut < payloads.size(); cut++) {
			List<TestPcap.Payload> prefix = new ArrayList<>(payloads.subList(0, cut));
			TestPcap.Payload last = payloads.get(cut);
			byte[] half = java.util.Arrays.copyOf(last.bytes(), last.bytes().length / 2);
			prefix.add(new TestPcap.Payload(last.frame(), last.side(), half));
			Run run = run("tls13-aes128gcm", TestPcap.keyLog("tls13-aes128gcm"), Chunking.AS_CAPTURED, prefix);
			assertThat(run.facts().damage()).as("cut at %d", cut).isNull(); // an
																			// incomplete
																			// record is
																			// not damage
			assertThat(run.plainA()).isIn("", CLIENT);
		}
	}

	@Test
	void aMidStreamCaptureWithoutHandshakeYieldsNoVersionAndNoDamage() {
		List<TestPcap.Payload> payloads = TestPcap.payloads("tls12-ecdhe-aes128gcm");
		List<TestPcap.Payload> tail = payloads.subList(payloads.size() - 3, payloads.size());

		TlsFacts f = run("tls12-ecdhe-aes128gcm", TestPcap.keyLog("tls12-ecdhe-aes128gcm"), Chunking.AS_CAPTURED, tail)
			.facts();

		assertThat(f.version()).isNull();
		assertThat(f.clientSide()).isNull();
		assertThat(f.handshakeComplete()).isFalse();
		assertThat(f.decrypted()).isFalse();
		assertThat(f.damage()).isNull();
	}

	@Test
	void everyFixtureParsesWithoutDamage() {
		Map<String, TlsFacts> all = Stream
			.of("tls12-ecdhe-aes128gcm", "tls12-ecdhe-aes256gcm", "tls12-ecdhe-cbc-etm", "tls12-rsa-cbc-mte",
					"tls12-chacha20", "tls12-ecdsa-chain", "tls12-weak-rsa1024", "tls12-expired", "tls13-aes128gcm",
					"tls13-aes256gcm", "tls13-chacha20", "tls13-hrr", "tls13-keyupdate", "tls12-renegotiation",
					"tls11-cbc", "tls10-cbc", "tls10-cbc-mte", "dtls12-srtp", "tls12-cbc-sha384", "dtls12-cbc-mte",
					"tls13-aes128ccm", "tls13-aes128ccm8", "tls12-ecdhe-ecdsa-ccm", "tls12-rsa-ccm8", "tls12-aria-gcm",
					"tls12-mutual", "tls12-multi", "tls13-multi", "tls12-multi-cbc", "gnutls-3des", "gnutls-rc4-sha",
					"gnutls-rc4-md5", "gnutls-null-sha256")
			.collect(Collectors.toMap(n -> n, n -> run(n, null, Chunking.AS_CAPTURED).facts()));
		assertThat(all.values()).allSatisfy(f -> {
			assertThat(f.damage()).isNull();
			assertThat(f.version()).isNotNull();
			assertThat(f.cipherSuiteName()).startsWith("TLS_");
		});
	}

}
