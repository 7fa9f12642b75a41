package io.trunkguard.trace;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.VendorId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract clause rules on single legs, and the close-out rules of a remediation
 * task, without a database.
 */
class ContractClauseCheckTest {

	CaptureId captureId = CaptureId.random();

	@Test
	void meetsATls12ClauseWithTls13AndRefusesPlainSignallingOrAnOlderVersion() {
		assertThat(ContractClauseCheck.signallingProblem(SignallingClause.TLS_1_2,
				leg("TLS", "TLS 1.3", false, "audio RTP/SAVP: encrypted (SDES AES_CM_128_HMAC_SHA1_80)")))
			.isEmpty();
		assertThat(ContractClauseCheck.signallingProblem(SignallingClause.TLS_1_2, leg("UDP", null, false)))
			.hasValue("SIP travels in clear over UDP");
		assertThat(ContractClauseCheck.signallingProblem(SignallingClause.TLS_1_2, leg("TLS", "TLS 1.0", false)))
			.hasValue("SIP over TLS 1.0");
		assertThat(ContractClauseCheck.signallingProblem(SignallingClause.TLS_1_3, leg("TLS", "TLS 1.2", false)))
			.hasValue("SIP over TLS 1.2");
		assertThat(ContractClauseCheck.signallingProblem(SignallingClause.TLS_1_2, leg("TLS", null, false)))
			.hasValueSatisfying(p -> assertThat(p).contains("version was not seen"));
		assertThat(ContractClauseCheck.signallingProblem(SignallingClause.NONE, leg("UDP", null, false))).isEmpty();
	}

	@Test
	void refusesPlainRtpUnderAnyMediaClauseAndDtlsSrtpWhereSdesIsRequired() {
		CaptureLeg plain = leg("TLS", "TLS 1.3", true, "audio RTP/AVP: not encrypted, 604 RTP packets");
		CaptureLeg dtls = leg("UDP", null, false,
				"audio UDP/TLS/RTP/SAVP: encrypted (DTLS-SRTP SRTP_AES128_CM_SHA1_80)");

		assertThat(ContractClauseCheck.mediaProblem(MediaClause.SRTP_OR_DTLS_SRTP, plain))
			.hasValueSatisfying(p -> assertThat(p).startsWith("plain RTP"));
		assertThat(ContractClauseCheck.mediaProblem(MediaClause.SRTP_OR_DTLS_SRTP, dtls)).isEmpty();
		assertThat(ContractClauseCheck.mediaProblem(MediaClause.SRTP, dtls))
			.hasValueSatisfying(p -> assertThat(p).contains("DTLS-SRTP where SDES-SRTP is required"));
		assertThat(ContractClauseCheck.mediaProblem(MediaClause.NONE, plain)).isEmpty();
	}

	@Test
	void namesTheFramesOfTheLegsCc67FindingsElseItsFirstAndLastFrame() {
		CaptureLeg leg = leg("TLS", "TLS 1.3", true, "audio RTP/AVP: not encrypted");
		CaptureFinding plainRtp = new CaptureFinding(captureId, new AnalysisResult.FindingFacts("MEDIA_PLAIN_RTP",
				"HIGH", "CC6.7", "media", "M1", List.of(14L, 13L), "Plain RTP", "Use SRTP", null));
		CaptureFinding other = new CaptureFinding(captureId, new AnalysisResult.FindingFacts("UNAUTHENTICATED_CALL",
				"MEDIUM", "CC6.1", "dialog", "call-1", List.of(10L), "No auth", null, null));

		assertThat(ContractClauseCheck.frames(leg, List.of(plainRtp, other))).containsExactly(13L, 14L);
		assertThat(ContractClauseCheck.frames(leg, List.of(other))).containsExactly(4L, 636L);
	}

	@Test
	void refusesTheCarrierOwnerAcceptingTheirOwnRiskAndAShortJustification() {
		EncryptionRemediation task = task();

		assertThatThrownBy(() -> task.acceptRisk("We accept it for the quarter, the carrier is migrating.", "olivia",
				Instant.now()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("may not accept the risk of their own remediation task");
		assertThatThrownBy(() -> task.acceptRisk("ok", "compliance-lead", Instant.now()))
			.isInstanceOf(InvalidInputException.class);

		task.acceptRisk("The carrier moves the trunk to TLS in March; internal network only.", "compliance-lead",
				Instant.now());
		assertThat(task.getStatus()).isEqualTo(EncryptionRemediation.Status.CLOSED);
		assertThat(task.getClosure()).isEqualTo(RemediationClosure.ACCEPTED_RISK);
		assertThatThrownBy(
				() -> task.acceptRisk("Again, the same justification as before.", "compliance-lead", Instant.now()))
			.isInstanceOf(InvalidStateException.class);
	}

	@Test
	void escalatesOnlyOnceAndOnlyAfterTheDueDate() {
		EncryptionRemediation task = task();
		LocalDate due = task.getDueOn();

		assertThat(task.escalate("Carrier", "system", Instant.now(), due)).isFalse();
		assertThat(task.escalate("Carrier", "system", Instant.now(), due.plusDays(1))).isTrue();
		assertThat(task.escalate("Carrier", "system", Instant.now(), due.plusDays(2))).isFalse();
		assertThat(task.getEscalatedAt()).isNotNull();
	}

	private EncryptionRemediation task() {
		Capture capture = Capture.receive(captureId, new NewCapture("plain.pcapng", "a".repeat(64), 10,
				UUID.randomUUID(), null, CaptureLabel.CARRIER_TRUNK, null, List.of(), "tester"), Instant.now());
		return EncryptionRemediation.open(VendorId.of(UUID.randomUUID().toString()), "Carrier", "127.0.0.1:5081",
				capture, RemediationCause.HIGH_FINDING, "MEDIA_PLAIN_RTP", "Plain RTP on the trunk.", List.of(13L, 14L),
				"olivia", "Olivia Owner", LocalDate.of(2026, 12, 21), "system", Instant.now());
	}

	private CaptureLeg leg(String transport, String tlsVersion, boolean plainMedia, String... media) {
		return new CaptureLeg(captureId,
				new AnalysisResult.LegFacts("L1", transport, "127.0.0.1:55240", "127.0.0.1:5081",
						plainMedia ? LegVerdict.PARTLY_ENCRYPTED : LegVerdict.ENCRYPTED, "reason", tlsVersion, null,
						null, List.of(), List.of(), List.of(media), List.of(), plainMedia, 4, 636, null,
						List.of("M1", "call-1")));
	}

}
