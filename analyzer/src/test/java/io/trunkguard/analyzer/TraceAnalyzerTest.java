package io.trunkguard.analyzer;

import io.trunkguard.analyzer.report.JsonReport;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.testing.CaptureWriter;
import io.trunkguard.analyzer.testing.Corpus;
import io.trunkguard.analyzer.testing.Packets;
import io.trunkguard.analyzer.testing.Sip;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on synthetic captures: media matched to the SDP that negotiated it,
 * progress reported.
 */
class TraceAnalyzerTest {

	static final long T0 = 1_700_000_000_000_000_000L;

	static byte[] udpFrame(String src, int sport, String dst, int dport, byte[] payload) {
		return Packets.ethernet(0x0800, Packets.ipv4(src, dst, 17, Packets.udp(sport, dport, payload)));
	}

	/**
	 * A call over UDP whose SDP declares 10.0.0.1:4000 and 10.0.0.2:5000, then RTP both
	 * ways and stray RTP elsewhere.
	 */
	static byte[] call(String offerProfile, String answerProfile, boolean ciphertext, String... crypto) {
		CaptureWriter w = CaptureWriter.linkType(1);
		long t = T0;
		w.add(t += 1000, udpFrame("10.0.0.1", 5060, "10.0.0.2", 5060, Packets.ascii(Sip.request("INVITE",
				"sip:bob@10.0.0.2", "e2e", 1, "", Sip.sdp("10.0.0.1", 4000, offerProfile, crypto)))));
		w.add(t += 1000, udpFrame("10.0.0.2", 5060, "10.0.0.1", 5060, Packets.ascii(Sip.response(200, "OK", "INVITE",
				"e2e", 1, "", Sip.answerSdp("10.0.0.2", 5000, answerProfile, crypto)))));
		w.add(t += 1000, udpFrame("10.0.0.1", 5060, "10.0.0.2", 5060,
				Packets.ascii(Sip.request("ACK", "sip:bob@10.0.0.2", "e2e", 1, "", ""))));
		Random r = new Random(1);
		for (int i = 0; i < 40; i++) {
			byte[] payload = new byte[160];
			if (ciphertext) {
				r.nextBytes(payload);
			}
			else {
				for (int j = 0; j < 160; j++) {
					payload[j] = (byte) (0xD5 ^ (int) (20 * Math.sin((i * 160 + j) / 5.0)));
				}
			}
			w.add(t += 20_000_000,
					udpFrame("10.0.0.1", 4000, "10.0.0.2", 5000, Packets.rtp(8, i, i * 160L, 0xAAAA, payload)));
			w.add(t += 1000,
					udpFrame("10.0.0.2", 5000, "10.0.0.1", 4000, Packets.rtp(8, i, i * 160L, 0xBBBB, payload)));
			w.add(t += 1000,
					udpFrame("10.9.9.9", 7000, "10.8.8.8", 7002, Packets.rtp(0, i, i * 160L, 0xCCCC, payload)));
		}
		return w.pcap();
	}

	@Test
	void matchesRtpToTheSdpThatNegotiatedIt() {
		TraceReport r = TraceAnalyzer.analyze(new ByteArrayInputStream(call("RTP/AVP", "RTP/AVP", false)),
				Options.defaults());
		assertThat(r.legs()).singleElement().satisfies(l -> {
			assertThat(l.media()).singleElement().satisfies(m -> {
				assertThat(m.offerEndpoint()).isEqualTo("10.0.0.1:4000");
				assertThat(m.answerEndpoint()).isEqualTo("10.0.0.2:5000");
				assertThat(m.packets().rtp()).isEqualTo(80);
				assertThat(m.packets().ssrcs()).containsExactly("0x0000aaaa", "0x0000bbbb");
				assertThat(m.protection()).isEqualTo("UNPROTECTED");
			});
			assertThat(l.verdict()).isEqualTo("UNENCRYPTED");
		});
		assertThat(r.unmatchedMedia()).singleElement().satisfies(m -> {
			assertThat(m.packets().rtp()).isEqualTo(37); // the first 3 packets establish
															// that the flow is RTP
			assertThat(m.flowEndpoints()).containsExactlyInAnyOrder("10.9.9.9:7000", "10.8.8.8:7002");
		});
		assertThat(r.dialogs()).singleElement().satisfies(d -> {
			assertThat(d.finalStatus()).isEqualTo(200);
			assertThat(d.methods()).containsExactly("INVITE", "ACK");
		});
	}

	@Test
	void sdesOverUdpIsUnencryptedBecauseTheKeysAreExposed() {
		TraceReport r = TraceAnalyzer.analyze(
				new ByteArrayInputStream(call("RTP/SAVP", "RTP/SAVP", true,
						"crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz")),
				Options.defaults());
		assertThat(r.legs().get(0).verdict()).isEqualTo("UNENCRYPTED");
		assertThat(r.legs().get(0).media().get(0).payloadEntropy()).isGreaterThan(7.6);
		assertThat(r.findings()).extracting(f -> f.ruleId())
			.contains("SDES_KEYS_EXPOSED", "SIP_PLAINTEXT_SIGNALLING")
			.doesNotContain("MEDIA_PLAIN_RTP", "SRTP_WEAK_SUITE");
	}

	@Test
	void keepsMemoryBoundedByCappingDialogsLegsAndFlows() {
		CaptureWriter w = CaptureWriter.linkType(1);
		for (int i = 0; i < 3000; i++) {
			String src = "10.1." + (i / 250) + "." + (i % 250 + 1);
			w.add(T0 + i * 1_000_000L, udpFrame(src, 5060, "10.0.0.2", 5060, Packets
				.ascii(Sip.request("INVITE", "sip:bob@10.0.0.2", "many-" + i, 1, "", Sip.sdp(src, 4000, "RTP/AVP")))));
		}
		TraceReport r = TraceAnalyzer.analyze(new ByteArrayInputStream(w.pcap()),
				Options.defaults().withLimits(100, 50, 200, 100, 4096));
		assertThat(r.stats().sipMessages()).isEqualTo(3000);
		assertThat(r.dialogs()).hasSize(100);
		assertThat(r.legs()).hasSize(50);
		assertThat(r.stats().evictedFlows()).isPositive();
		assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("beyond the dialog cap of 100"));
	}

	@Test
	void reportsProgressWithTheFinalByteAndPacketCounts() throws IOException {
		byte[] file = Files.readAllBytes(Corpus.publicCapture("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap"));
		List<long[]> calls = new ArrayList<>();
		TraceReport r = TraceAnalyzer.analyze(new ByteArrayInputStream(file),
				Options.defaults().withProgress((bytes, packets) -> calls.add(new long[] { bytes, packets })));
		assertThat(calls).isNotEmpty();
		assertThat(calls.get(calls.size() - 1)).containsExactly(file.length, 7217);
		assertThat(r.capture().packets()).isEqualTo(7217);
	}

	@Test
	void leavesTheHashToACallerThatHashesTheBytesItself() throws IOException {
		byte[] file = Files.readAllBytes(Corpus.publicCapture("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap"));
		java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2026-12-08T00:00:00Z"),
				java.time.ZoneOffset.UTC);

		TraceReport hashed = TraceAnalyzer.analyze(new ByteArrayInputStream(file), Options.defaults().withClock(fixed));
		TraceReport unhashed = TraceAnalyzer.analyze(new ByteArrayInputStream(file),
				Options.defaults().withClock(fixed).withHashing(false));

		assertThat(hashed.capture().sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(file)));
		assertThat(unhashed.capture().sha256()).isNull();
		assertThat(unhashed.capture().sizeBytes()).isEqualTo(file.length);
		String expected = JsonReport.toJson(hashed).replace(hashed.capture().sha256(), "HASH");
		assertThat(JsonReport.toJson(withHash(unhashed, "HASH"))).isEqualTo(expected);
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static TraceReport withHash(TraceReport r, String sha256) {
		TraceReport.Capture c = r.capture();
		return new TraceReport(r.schemaVersion(), r.analyzer(),
				new TraceReport.Capture(c.fileName(), sha256, c.sizeBytes(), c.gzip(), c.format(), c.firstTimestamp(),
						c.lastTimestamp(), c.packets(), c.linkTypes(), c.complete(), c.damage()),
				r.stats(), r.dialogs(), r.legs(), r.unmatchedMedia(), r.findings(), r.summary(), r.notes());
	}

}
