package io.trunkguard.trace;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the analyzer library in the domain's tests (integrations implements the
 * real port, tested on real captures there and end to end in the web module): it reads
 * the stored bytes through the request, reports progress, and answers a fixed result of
 * two legs, a finding and a certificate, or fails when told to. It is the outside
 * library, not the thing under test (the analysis job's persistence and retries).
 */
@Component
@ConditionalOnMissingClass("io.trunkguard.TrunkguardApplication")
public class StandInCaptureAnalyzer implements CaptureAnalyzer {

	final AtomicReference<RuntimeException> failNext = new AtomicReference<>();

	final AtomicInteger runs = new AtomicInteger();

	@Override
	public AnalysisResult analyse(AnalysisRequest request, AnalysisProgress progress) {
		runs.incrementAndGet();
		long size;
		try (InputStream in = request.capture().getInputStream()) {
			size = in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		progress.bytesRead(size);
		RuntimeException failure = failNext.getAndSet(null);
		if (failure != null) {
			throw failure;
		}
		Instant first = Instant.parse("2026-11-30T10:00:00Z");
		Instant last = Instant.parse("2026-11-30T10:05:00Z");
		return new AnalysisResult("0.1.0", "1.0",
				new AnalysisResult.CaptureFacts("ab", size, "pcapng", first, last, 42, true, null, 1,
						"2 legs: 1 encrypted, 1 unencrypted"),
				List.of(new AnalysisResult.LegFacts("L1", "TLS", "192.0.2.10:40000", "198.51.100.5:5061",
						LegVerdict.ENCRYPTED, "TLS signalling, SRTP media", "TLSv1.2",
						"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "sip.carrier.example", List.of("sip.carrier.example"),
						List.of("a".repeat(64)), List.of("audio RTP/SAVP: encrypted"),
						List.of("AES_CM_128_HMAC_SHA1_80"), false, 1, 30, first, List.of("call-1@example", "M1")),
						new AnalysisResult.LegFacts("L2", "UDP", "192.0.2.10:5060", "203.0.113.7:5060",
								LegVerdict.UNENCRYPTED, "SIP over UDP", null, null, null, List.of(), List.of(),
								List.of("audio RTP/AVP: not encrypted"), List.of(), true, 31, 42, first,
								List.of("call-2@example", "M2"))),
				List.of(new AnalysisResult.FindingFacts("SIP_PLAINTEXT_SIGNALLING", "HIGH", "CC6.7", "leg", "L2",
						List.of(31L, 32L), "SIP travels in plain text.", "Use TLS.", "udp 203.0.113.7:5060"),
						new AnalysisResult.FindingFacts("MEDIA_PLAIN_RTP", "HIGH", "CC6.7", "media", "M2", List.of(35L),
								"Audio travels unencrypted.", "Use SRTP.", "RTP/AVP")),
				List.of(new AnalysisResult.CertificateFacts("L1", "198.51.100.5:5061", "a".repeat(64),
						"CN=sip.carrier.example", "CN=Carrier CA", first.minusSeconds(86400),
						last.plusSeconds(86400 * 20), false, "RSA", 2048, "SHA256withRSA",
						List.of("sip.carrier.example"), "1000")),
				"{\"schemaVersion\":\"1.0\",\"legs\":[]}");
	}

}
