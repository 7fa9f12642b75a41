package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.Transport;
import io.trunkguard.analyzer.testing.ModelBuilder;
import io.trunkguard.analyzer.testing.Packets;
import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.trunkguard.analyzer.testing.ModelBuilder.cert;
import static io.trunkguard.analyzer.testing.ModelBuilder.ep;
import static io.trunkguard.analyzer.testing.ModelBuilder.tls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule fires on a small model made to show it, and stays silent on its harmless
 * twin.
 */
class RuleCatalogueTest {

	static final Endpoint ALICE = ep("192.0.2.10", 5060);
	static final Endpoint PROXY = ep("198.51.100.1", 5060);
	static final Options OPTIONS = Options.defaults()
		.withClock(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));

	static List<Finding> run(Rule rule, ModelBuilder m) {
		return rule.evaluate(m.input(), OPTIONS);
	}

	static List<Finding> run(Rule rule, ModelBuilder m, Options o) {
		return rule.evaluate(m.input(), o);
	}

	/**
	 * A call over {@code transport}: INVITE with {@code offer} SDP, 200 OK with
	 * {@code answer} SDP, ACK.
	 */
	static Leg call(ModelBuilder m, Transport transport, String callId, String offer, String answer) {
		Leg leg = m.leg(transport, ALICE, PROXY);
		m.sip(leg, ALICE, PROXY, 0, Sip.request("INVITE", "sip:bob@example.com", callId, 1, "", offer));
		m.sip(leg, PROXY, ALICE, 1, Sip.response(200, "OK", "INVITE", callId, 1, "", answer));
		m.sip(leg, ALICE, PROXY, 1.1, Sip.request("ACK", "sip:bob@example.com", callId, 1, "", ""));
		return leg;
	}

	static void rtp(MediaStream s, ModelBuilder m, int packets, boolean ciphertext) {
		Random random = new Random(7);
		for (int i = 0; i < packets; i++) {
			byte[] payload = new byte[160];
			if (ciphertext) {
				random.nextBytes(payload);
			}
			else {
				for (int j = 0; j < payload.length; j++) {
					payload[j] = (byte) (0xF0 + (int) (8 * Math.sin((i * 160 + j) / 9.0)));
				}
			}
			byte[] p = Packets.rtp(0, i, i * 160L, 0x1234, payload);
			s.onPacket(p, 0, p.length, m.nextFrame(), 0);
		}
	}

	static Set<String> ids(List<Finding> f) {
		return f.stream().map(Finding::ruleId).collect(Collectors.toSet());
	}

	@Test
	void catalogueHasEveryRuleOfTheDesignOnceWithItsCriterion() {
		List<Rule> all = Rules.all();
		assertThat(all).extracting(Rule::id)
			.containsExactly("SIP_PLAINTEXT_SIGNALLING", "TLS_LEGACY_VERSION", "TLS_WEAK_CIPHER", "CERT_EXPIRED",
					"CERT_EXPIRING", "CERT_SELF_SIGNED", "CERT_WEAK_KEY", "CERT_WEAK_SIGNATURE", "CERT_NOT_OBSERVABLE",
					"MEDIA_PLAIN_RTP", "SDES_KEYS_EXPOSED", "SRTP_WEAK_SUITE", "MEDIA_DOWNGRADE", "DTLS_SRTP_NOT_SEEN",
					"REGISTER_BRUTE_FORCE", "SIP_SCANNER", "TOLL_FRAUD_PATTERN", "UNAUTHENTICATED_CALL");
		assertThat(all).allSatisfy(r -> assertThat(r.criterion()).matches("CC\\d\\.\\d(, CC\\d\\.\\d)*"));
	}

	@Nested
	class SipPlaintextSignallingRule {

		@Test
		void firesForSipOverUdp() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.UDP, "c1", "", "");
			List<Finding> f = run(new SipPlaintextSignalling(), m);
			assertThat(f).singleElement().satisfies(x -> {
				assertThat(x.subjectId()).isEqualTo("L1");
				assertThat(x.frames()).containsExactly(1L, 2L, 3L);
				assertThat(x.explanation()).contains("unencrypted");
			});
		}

		@Test
		void doesNotFireForSipOverTls() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "");
			assertThat(run(new SipPlaintextSignalling(), m)).isEmpty();
		}

	}

	@Nested
	class TlsLegacyVersionRule {

		@Test
		void firesForTls10() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "").tls = tls("TLS 1.0", 0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
					"STRONG", List.of(), false);
			assertThat(run(new TlsLegacyVersion(), m)).singleElement()
				.satisfies(x -> assertThat(x.frames()).containsExactly(2L));
		}

		@Test
		void doesNotFireForTls13() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "").tls = tls("TLS 1.3", 0x1301, "TLS_AES_128_GCM_SHA256", "STRONG",
					List.of(), true);
			assertThat(run(new TlsLegacyVersion(), m)).isEmpty();
		}

	}

	@Nested
	class TlsWeakCipherRule {

		@Test
		void firesForRc4AndCriticalForNull() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "").tls = tls("TLS 1.2", 0x0005, "TLS_RSA_WITH_RC4_128_SHA", "WEAK_RC4",
					List.of(), false);
			assertThat(run(new TlsWeakCipher(), m)).singleElement()
				.satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
			ModelBuilder n = new ModelBuilder();
			call(n, Transport.TLS, "c1", "", "").tls = tls("TLS 1.2", 0x0002, "TLS_RSA_WITH_NULL_SHA", "WEAK_NULL",
					List.of(), false);
			assertThat(run(new TlsWeakCipher(), n)).singleElement()
				.satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.CRITICAL));
		}

		@Test
		void doesNotFireForEcdheGcm() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "").tls = tls("TLS 1.2", 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
					"STRONG", List.of(), false);
			assertThat(run(new TlsWeakCipher(), m)).isEmpty();
		}

	}

	static Leg tlsWithCert(ModelBuilder m, io.trunkguard.analyzer.correlate.TlsSummary.Certificate c) {
		Leg leg = call(m, Transport.TLS, "c1", "", "");
		leg.tls = tls("TLS 1.2", 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "STRONG", List.of(c), false);
		return leg;
	}

	static final Instant TODAY = Instant.parse("2026-11-26T12:00:00Z");

	@Nested
	class CertExpiredRule {

		@Test
		void firesWhenPastNotAfter() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.minus(Duration.ofDays(3)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertExpired(), m)).singleElement()
				.satisfies(x -> assertThat(x.frames()).containsExactly(3L));
		}

		@Test
		void doesNotFireForValidCertificate() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertExpired(), m)).isEmpty();
		}

	}

	@Nested
	class CertExpiringRule {

		@Test
		void firesWithinThirtyDays() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(10)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertExpiring(), m)).hasSize(1);
		}

		@Test
		void doesNotFireBeyondTheConfiguredDays() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(10)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertExpiring(), m, OPTIONS.withCertExpiringDays(5))).isEmpty();
		}

	}

	@Nested
	class CertSelfSignedRule {

		@Test
		void firesForSelfSignedLeaf() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=sip", TODAY.plus(Duration.ofDays(300)), true, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertSelfSigned(), m)).hasSize(1);
		}

		@Test
		void doesNotFireForCaIssuedLeaf() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertSelfSigned(), m)).isEmpty();
		}

	}

	@Nested
	class CertWeakKeyRule {

		@Test
		void firesForRsa1024() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "RSA", 1024, "SHA256withRSA"));
			assertThat(run(new CertWeakKey(), m)).singleElement()
				.satisfies(x -> assertThat(x.evidence()).contains("1024"));
		}

		@Test
		void doesNotFireForEc256() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "EC", 256, "SHA256withECDSA"));
			assertThat(run(new CertWeakKey(), m)).isEmpty();
		}

	}

	@Nested
	class CertWeakSignatureRule {

		@Test
		void firesForSha1() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "RSA", 2048, "SHA1withRSA"));
			assertThat(run(new CertWeakSignature(), m)).hasSize(1);
		}

		@Test
		void doesNotFireForSha256() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertWeakSignature(), m)).isEmpty();
		}

	}

	@Nested
	class CertNotObservableRule {

		@Test
		void firesForTls13WithEncryptedCertificate() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "").tls = tls("TLS 1.3", 0x1301, "TLS_AES_128_GCM_SHA256", "STRONG",
					List.of(), true);
			assertThat(run(new CertNotObservable(), m)).singleElement()
				.satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
		}

		@Test
		void doesNotFireWhenTheCertificateWasSeen() {
			ModelBuilder m = new ModelBuilder();
			tlsWithCert(m,
					cert("CN=sip", "CN=ca", TODAY.plus(Duration.ofDays(300)), false, "RSA", 2048, "SHA256withRSA"));
			assertThat(run(new CertNotObservable(), m)).isEmpty();
		}

	}

	@Nested
	class MediaPlainRtpRule {

		@Test
		void firesForAvpWithRtpPackets() {
			ModelBuilder m = new ModelBuilder();
			Leg leg = call(m, Transport.UDP, "c1", Sip.sdp("192.0.2.10", 4000, "RTP/AVP"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/AVP"));
			rtp(leg.media.get(0), m, 20, false);
			assertThat(run(new MediaPlainRtp(), m)).singleElement().satisfies(x -> assertThat(x.frames()).hasSize(5));
		}

		@Test
		void firesWithoutSdpWhenPayloadIsAudio() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1", "", "");
			MediaStream orphan = m.correlator().orphan(ep("192.0.2.10", 4000), ep("198.51.100.1", 5000));
			rtp(orphan, m, 30, false);
			assertThat(run(new MediaPlainRtp(), m)).singleElement()
				.satisfies(x -> assertThat(x.evidence()).contains("audio samples"));
		}

		@Test
		void doesNotFireForSavpOrCiphertext() {
			ModelBuilder m = new ModelBuilder();
			Leg leg = call(m, Transport.TLS, "c1",
					Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:BBBB"));
			rtp(leg.media.get(0), m, 20, true);
			MediaStream orphan = m.correlator().orphan(ep("192.0.2.99", 4000), ep("198.51.100.99", 5000));
			rtp(orphan, m, 30, true);
			assertThat(run(new MediaPlainRtp(), m)).isEmpty();
		}

	}

	@Nested
	class SdesKeysExposedRule {

		@Test
		void firesForCryptoOverUdp() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.UDP, "c1",
					Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:BBBB"));
			assertThat(run(new SdesKeysExposed(), m)).singleElement()
				.satisfies(x -> assertThat(x.frames()).containsExactly(1L, 2L));
		}

		@Test
		void doesNotFireForCryptoOverTls() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1",
					Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:BBBB"));
			assertThat(run(new SdesKeysExposed(), m)).isEmpty();
		}

	}

	@Nested
	class SrtpWeakSuiteRule {

		@Test
		void firesForNullCipherAndUnencryptedSrtp() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1",
					Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 NULL_HMAC_SHA1_80 inline:AAAA"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/SAVP",
							"crypto:1 AES_CM_128_HMAC_SHA1_80 inline:BBBB UNENCRYPTED_SRTP"));
			assertThat(run(new SrtpWeakSuite(), m)).singleElement()
				.satisfies(x -> assertThat(x.evidence()).contains("NULL_HMAC_SHA1_80").contains("UNENCRYPTED_SRTP"));
		}

		@Test
		void doesNotFireForAesCm() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1",
					Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:BBBB"));
			assertThat(run(new SrtpWeakSuite(), m)).isEmpty();
		}

	}

	@Nested
	class MediaDowngradeRule {

		@Test
		void firesWhenSavpOfferIsAnsweredWithAvp() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.TLS, "c1",
					Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/AVP"));
			assertThat(run(new MediaDowngrade(), m)).singleElement()
				.satisfies(x -> assertThat(x.evidence()).contains("answer RTP/AVP"));
		}

		@Test
		void doesNotFireWhenAvpIsOfferedAndAnswered() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.UDP, "c1", Sip.sdp("192.0.2.10", 4000, "RTP/AVP"),
					Sip.answerSdp("198.51.100.1", 5000, "RTP/AVP"));
			assertThat(run(new MediaDowngrade(), m)).isEmpty();
		}

	}

	@Nested
	class DtlsSrtpNotSeenRule {

		@Test
		void firesWhenMediaFlowsWithoutDtlsHandshake() {
			ModelBuilder m = new ModelBuilder();
			Leg leg = call(m, Transport.WSS, "c1",
					Sip.sdp("192.0.2.10", 4000, "UDP/TLS/RTP/SAVPF", "fingerprint:sha-256 AB:CD", "setup:actpass"),
					Sip.answerSdp("198.51.100.1", 5000, "UDP/TLS/RTP/SAVPF", "fingerprint:sha-256 EF:01",
							"setup:active"));
			rtp(leg.media.get(0), m, 10, true);
			assertThat(run(new DtlsSrtpNotSeen(), m)).singleElement()
				.satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
		}

		@Test
		void doesNotFireWhenHandshakeWithUseSrtpWasSeen() {
			ModelBuilder m = new ModelBuilder();
			Leg leg = call(m, Transport.WSS, "c1",
					Sip.sdp("192.0.2.10", 4000, "UDP/TLS/RTP/SAVPF", "fingerprint:sha-256 AB:CD"),
					Sip.answerSdp("198.51.100.1", 5000, "UDP/TLS/RTP/SAVPF", "fingerprint:sha-256 EF:01"));
			leg.media.get(0).dtlsHandshake = true;
			leg.media.get(0).dtlsUseSrtp = true;
			assertThat(run(new DtlsSrtpNotSeen(), m)).isEmpty();
		}

	}

	static void registerAttempts(ModelBuilder m, Endpoint attacker, int failures, boolean thenSuccess, double spacing) {
		Leg leg = m.leg(Transport.UDP, attacker, PROXY);
		double t = 0;
		for (int i = 0; i < failures; i++) {
			String id = "r" + i;
			m.sip(leg, attacker, PROXY, t, Sip.request("REGISTER", "sip:example.com", id, 1, "", ""));
			m.sip(leg, PROXY, attacker, t + 0.01,
					Sip.response(i % 2 == 0 ? 401 : 403, "Nope", "REGISTER", id, 1, "", ""));
			t += spacing;
		}
		if (thenSuccess) {
			m.sip(leg, attacker, PROXY, t,
					Sip.request("REGISTER", "sip:example.com", "ok", 1, "Authorization: Digest x\r\n", ""));
			m.sip(leg, PROXY, attacker, t + 0.01, Sip.response(200, "OK", "REGISTER", "ok", 1, "", ""));
		}
	}

	@Nested
	class RegisterBruteForceRule {

		@Test
		void firesAboveThresholdAndIsCriticalAfterSuccess() {
			ModelBuilder m = new ModelBuilder();
			registerAttempts(m, ep("203.0.113.66", 5070), 12, true, 1);
			assertThat(run(new RegisterBruteForce(), m)).singleElement().satisfies(x -> {
				assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
				assertThat(x.subjectId()).isEqualTo("203.0.113.66");
				assertThat(x.frames()).hasSize(13);
			});
		}

		@Test
		void doesNotFireForFailuresSpreadBeyondTheWindow() {
			ModelBuilder m = new ModelBuilder();
			registerAttempts(m, ep("203.0.113.66", 5070), 12, false, 30);
			assertThat(run(new RegisterBruteForce(), m)).isEmpty();
			assertThat(run(new RegisterBruteForce(), m, OPTIONS.withBruteForce(12, Duration.ofHours(1)))).hasSize(1);
		}

	}

	@Nested
	class SipScannerRule {

		@Test
		void firesForFriendlyScannerUserAgent() {
			ModelBuilder m = new ModelBuilder();
			Endpoint scanner = ep("203.0.113.5", 5066);
			Leg leg = m.leg(Transport.UDP, scanner, PROXY);
			m.sip(leg, scanner, PROXY, 0,
					Sip.request("OPTIONS", "sip:100@198.51.100.1", "s1", 1, "User-Agent: friendly-scanner\r\n", ""));
			assertThat(run(new SipScanner(), m)).singleElement()
				.satisfies(x -> assertThat(x.frames()).containsExactly(1L));
		}

		@Test
		void firesForOptionsSweepButNotForKeepalives() {
			ModelBuilder m = new ModelBuilder();
			Endpoint scanner = ep("203.0.113.5", 5066);
			for (int i = 0; i < 12; i++) {
				Endpoint target = ep("198.51.100." + (10 + i), 5060);
				m.sip(m.leg(Transport.UDP, scanner, target), scanner, target, i,
						Sip.request("OPTIONS", "sip:100@x", "s" + i, 1, "", ""));
			}
			assertThat(run(new SipScanner(), m)).hasSize(1);
			ModelBuilder keepalive = new ModelBuilder();
			Leg leg = keepalive.leg(Transport.UDP, ALICE, PROXY);
			for (int i = 0; i < 30; i++) {
				keepalive.sip(leg, ALICE, PROXY, i,
						Sip.request("OPTIONS", "sip:proxy@example.com", "k" + i, 1, "User-Agent: Linphone/5\r\n", ""));
			}
			assertThat(run(new SipScanner(), keepalive)).isEmpty();
		}

	}

	@Test
	void sipScannerFiresForExtensionEnumerationButNotForPasswordGuessingOnOneAccount() {
		Endpoint scanner = ep("203.0.113.7", 5070);
		ModelBuilder m = new ModelBuilder();
		Leg leg = m.leg(Transport.UDP, scanner, PROXY);
		for (int i = 0; i < 12; i++) {
			m.sip(leg, scanner, PROXY, i, Sip.request("REGISTER", "sip:example.com", "e" + i, 1, "", "")
				.replace("To: <sip:example.com>", "To: <sip:" + (100 + i) + "@example.com>"));
		}
		assertThat(run(new SipScanner(), m)).singleElement()
			.satisfies(x -> assertThat(x.evidence()).contains("12 distinct REGISTER accounts"));
		ModelBuilder guessing = new ModelBuilder();
		registerAttempts(guessing, scanner, 12, false, 1);
		assertThat(run(new SipScanner(), guessing)).isEmpty();
	}

	@Nested
	class TollFraudPatternRule {

		static void invites(ModelBuilder m, String prefix, int count) {
			Endpoint src = ep("203.0.113.9", 5060);
			Leg leg = m.leg(Transport.UDP, src, PROXY);
			for (int i = 0; i < count; i++) {
				m.sip(leg, src, PROXY, i,
						Sip.request("INVITE", "sip:" + prefix + "1234567" + i + "@example.com", "t" + i, 1, "", ""));
			}
		}

		@Test
		void firesForBurstToPremiumNumbers() {
			ModelBuilder m = new ModelBuilder();
			invites(m, "+88213", 6);
			assertThat(run(new TollFraudPattern(), m)).singleElement().satisfies(x -> {
				assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
				assertThat(x.frames()).hasSize(6);
			});
		}

		@Test
		void doesNotFireForDomesticCalls() {
			ModelBuilder m = new ModelBuilder();
			invites(m, "030", 20);
			assertThat(run(new TollFraudPattern(), m)).isEmpty();
		}

	}

	@Nested
	class UnauthenticatedCallRule {

		@Test
		void firesForAcceptedInviteWithoutChallenge() {
			ModelBuilder m = new ModelBuilder();
			call(m, Transport.UDP, "c1", "", "");
			assertThat(run(new UnauthenticatedCall(), m)).singleElement().satisfies(x -> {
				assertThat(x.subjectType()).isEqualTo("dialog");
				assertThat(x.frames()).containsExactly(1L, 2L);
			});
		}

		@Test
		void doesNotFireAfterChallengeOrFromInternalNetwork() {
			ModelBuilder m = new ModelBuilder();
			Leg leg = m.leg(Transport.UDP, ALICE, PROXY);
			m.sip(leg, ALICE, PROXY, 0, Sip.request("INVITE", "sip:bob@example.com", "c2", 1, "", ""));
			m.sip(leg, PROXY, ALICE, 0.1,
					Sip.response(407, "Proxy Authentication Required", "INVITE", "c2", 1, "", ""));
			m.sip(leg, ALICE, PROXY, 0.2,
					Sip.request("INVITE", "sip:bob@example.com", "c2", 2, "Proxy-Authorization: Digest x\r\n", ""));
			m.sip(leg, PROXY, ALICE, 1, Sip.response(200, "OK", "INVITE", "c2", 2, "", ""));
			assertThat(run(new UnauthenticatedCall(), m)).isEmpty();
			ModelBuilder internal = new ModelBuilder();
			call(internal, Transport.UDP, "c1", "", "");
			assertThat(run(new UnauthenticatedCall(), internal, OPTIONS.withInternalNetworks(List.of("192.0.2.0/24"))))
				.isEmpty();
		}

	}

	@Test
	void evaluateRunsEveryRuleAndSortsBySeverity() {
		ModelBuilder m = new ModelBuilder();
		call(m, Transport.UDP, "c1",
				Sip.sdp("192.0.2.10", 4000, "RTP/SAVP", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA"),
				Sip.answerSdp("198.51.100.1", 5000, "RTP/AVP"));
		List<Finding> f = Rules.evaluate(m.input(), OPTIONS);
		assertThat(ids(f)).contains("SIP_PLAINTEXT_SIGNALLING", "MEDIA_DOWNGRADE", "SDES_KEYS_EXPOSED",
				"UNAUTHENTICATED_CALL");
		assertThat(f).isSortedAccordingTo((a, b) -> Integer.compare(a.severity().ordinal(), b.severity().ordinal()));
	}

}
