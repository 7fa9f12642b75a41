package io.trunkguard.analyzer.correlate;

import io.trunkguard.analyzer.rtp.MediaSignals;
import io.trunkguard.analyzer.rtp.PayloadEntropy;
import io.trunkguard.analyzer.rtp.PayloadShape;
import io.trunkguard.analyzer.sdp.Sdp;
import io.trunkguard.analyzer.text.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a leg: signalling and each media stream are protected, unprotected or unknown;
 * the leg is ENCRYPTED when everything known is protected, UNENCRYPTED when nothing is,
 * PARTLY_ENCRYPTED otherwise. The reason and the evidence say what the verdict rests on.
 */
public final class Verdicts {

	/** Protection of one media stream. */
	public enum MediaProtection {

		PROTECTED, UNPROTECTED, UNKNOWN, NOT_USED

	}

	/** A media stream's protection with the evidence for it. */
	public record MediaJudgement(MediaProtection protection, String evidence) {
	}

	private Verdicts() {
	}

	static void judge(Leg leg) {
		List<String> protectedParts = new ArrayList<>();
		List<String> clearParts = new ArrayList<>();
		List<String> unknownParts = new ArrayList<>();
		leg.evidence.clear();
		String sig = signalling(leg);
		if (leg.signallingEncrypted()) {
			protectedParts.add(sig);
		}
		else {
			clearParts.add(sig);
		}
		leg.evidence.add(sig);
		for (MediaStream s : leg.media) {
			MediaJudgement j = s.negotiated() ? negotiated(s, leg) : endedContent(s);
			// kept for the report and the rules, which judge the same stream of the same
			// leg after correlation ended
			s.judgedLeg = leg;
			s.judgement = j;
			String text = s.id + ": " + j.evidence();
			leg.evidence.add(text);
			switch (j.protection()) {
				case PROTECTED -> protectedParts.add(text);
				case UNPROTECTED -> clearParts.add(text);
				case UNKNOWN -> unknownParts.add(text);
				default -> {
				}
			}
		}
		if (clearParts.isEmpty()) {
			leg.verdict = Verdict.ENCRYPTED;
		}
		else if (protectedParts.isEmpty()) {
			leg.verdict = Verdict.UNENCRYPTED;
		}
		else {
			leg.verdict = Verdict.PARTLY_ENCRYPTED;
		}
		StringBuilder reason = new StringBuilder();
		switch (leg.verdict) {
			case ENCRYPTED -> reason.append("Signalling")
				.append(leg.media.isEmpty() ? "" : " and media")
				.append(" encrypted: ")
				.append(String.join("; ", protectedParts));
			case UNENCRYPTED ->
				reason.append("Nothing on this leg is encrypted: ").append(String.join("; ", clearParts));
			default -> reason.append("Encrypted: ")
				.append(String.join("; ", protectedParts))
				.append(". In clear: ")
				.append(String.join("; ", clearParts));
		}
		if (leg.media.isEmpty()) {
			if (leg.sipMessages == 0) {
				reason.append(leg.tls != null && leg.tls.decrypted() ? ". The decrypted content is not SIP"
						: ". The content is encrypted; no media seen for it");
			}
			else {
				boolean sdpHidden = leg.signallingEncrypted() && !leg.sdpSeen
						&& (leg.tls == null || !leg.tls.decrypted());
				reason.append(sdpHidden ? ". No media seen for this leg (its SDP is encrypted)"
						: ". No media negotiated on this leg");
			}
		}
		if (!unknownParts.isEmpty()) {
			reason.append(". Undetermined: ").append(String.join("; ", unknownParts));
		}
		leg.reason = reason.toString();
	}

	private static String signalling(Leg leg) {
		String base = "SIP over " + leg.transport;
		if (leg.tls != null) {
			String v = leg.tls.version() == null ? "TLS (version not seen)" : leg.tls.version();
			base = (leg.sipMessages > 0 ? "SIP over " : "connection over ") + v
					+ (leg.tls.cipherSuiteName() == null ? "" : " with " + leg.tls.cipherSuiteName())
					+ (leg.tls.decrypted() ? " (decrypted with the key log)" : "");
		}
		return leg.signallingEncrypted() ? base + " is encrypted" : base + " is in clear";
	}

	/** Judges one media stream of {@code leg}. */
	public static MediaJudgement judge(MediaStream s, Leg leg) {
		if (s.judgement != null && s.judgedLeg == leg) {
			return s.judgement;
		}
		if (s.negotiated()) {
			return negotiated(s, leg);
		}
		return s.contentJudgement != null ? s.contentJudgement : byContent(s);
	}

	/**
	 * The judgement by content of a stream whose correlation ended: the same for every
	 * leg the stream is attached to (a stream of the bench capture is on up to 47 legs),
	 * so computed once and kept.
	 */
	private static MediaJudgement endedContent(MediaStream s) {
		if (s.contentJudgement == null) {
			s.contentJudgement = byContent(s);
		}
		return s.contentJudgement;
	}

	private static MediaJudgement negotiated(MediaStream s, Leg leg) {
		String profile = s.profile();
		String p = profile.toUpperCase(Locale.ROOT);
		String seen = s.packets == 0 ? "no media packets captured" : s.rtpPackets + " RTP packets seen";
		if (s.offerEndpoint == null && s.answerEndpoint == null) {
			return new MediaJudgement(MediaProtection.NOT_USED, s.mediaType + " " + profile + " rejected (port 0)");
		}
		if (p.startsWith("UDP/TLS/") || p.startsWith("TCP/TLS/") || p.startsWith("UDP/DTLS/")) {
			if (s.dtlsHandshake && s.dtlsUseSrtp) {
				return new MediaJudgement(MediaProtection.PROTECTED,
						profile + " with a DTLS handshake negotiating use_srtp"
								+ (s.dtlsSrtpProfile == null ? "" : " (" + s.dtlsSrtpProfile + ")") + " in frame "
								+ s.dtlsHandshakeFrame);
			}
			if (s.packets == 0) {
				return new MediaJudgement(MediaProtection.UNKNOWN,
						profile + " negotiated; no media packets captured, so"
								+ " the DTLS-SRTP handshake could not be verified");
			}
			return new MediaJudgement(MediaProtection.UNKNOWN, profile
					+ " negotiated but no DTLS handshake with use_srtp" + " seen on the media flow (" + seen + ")");
		}
		if (Sdp.isSecure(profile)) {
			List<Sdp.Crypto> crypto = s.crypto();
			for (Sdp.Crypto c : crypto) {
				if (weak(c)) {
					return new MediaJudgement(MediaProtection.UNPROTECTED, profile + " with a=crypto " + c.suite() + " "
							+ String.join(" ", c.sessionParams()) + ": the suite does not encrypt");
				}
			}
			if (!crypto.isEmpty() && s.sdpOverPlainSignalling) {
				return new MediaJudgement(MediaProtection.UNPROTECTED,
						profile + " with SDES keys (a=crypto " + crypto.get(0).suite()
								+ ") sent over unencrypted signalling: anyone on the path can decrypt" + " the media ("
								+ seen + ")");
			}
			String suite = crypto.isEmpty() ? "" : " with a=crypto " + crypto.get(0).suite();
			String where = leg != null && leg.tls != null && leg.tls.decrypted() ? " (SDP read with the key log)" : "";
			return new MediaJudgement(MediaProtection.PROTECTED,
					profile + suite + where + ", " + seen + entropyNote(s));
		}
		if (p.contains("RTP/AVP")) {
			return new MediaJudgement(MediaProtection.UNPROTECTED,
					profile + " (plain RTP) negotiated, " + seen + entropyNote(s));
		}
		return new MediaJudgement(MediaProtection.UNPROTECTED,
				s.mediaType + " over " + profile + " (no media encryption defined), "
						+ (s.packets == 0 ? "no packets captured" : s.packets + " packets seen"));
	}

	static boolean weak(Sdp.Crypto c) {
		String suite = c.suite().toUpperCase(Locale.ROOT);
		if (suite.startsWith("NULL") || suite.contains("_NULL_")) {
			return true;
		}
		for (String param : c.sessionParams()) {
			String u = param.toUpperCase(Locale.ROOT);
			if (u.equals("UNENCRYPTED_SRTP") || u.equals("UNAUTHENTICATED_SRTP")) {
				return true;
			}
		}
		return false;
	}

	private static String entropyNote(MediaStream s) {
		if (!s.entropy().conclusive()) {
			return "";
		}
		return Format.of("; payload entropy %.2f bits/byte over %d bytes", s.entropy().bitsPerByte(),
				s.entropy().sampled());
	}

	/**
	 * No SDP: judge by the packets themselves. Every signal is gathered; the payload
	 * readable in clear (a codec's structure, telephone-events, a byte distribution no
	 * cipher gives, G.711 or any low entropy) decides plain even when the keying signals
	 * say keys were agreed, since the audio is readable; otherwise a decisive sign of
	 * SRTP (DTLS with use_srtp on the media flow, SRTCP's E flag, the SRTP tag on a
	 * fixed-rate codec, G.711 at ciphertext entropy) decides encrypted; the weaker signs
	 * (exact frame lengths, a uniform first byte) decide only alone. The evidence names
	 * the signals that decided and those that agreed.
	 */
	private static MediaJudgement byContent(MediaStream s) {
		List<String> plain = new ArrayList<>();
		List<String> plainWeak = new ArrayList<>();
		List<String> encrypted = new ArrayList<>();
		List<String> encryptedWeak = new ArrayList<>();
		List<String> undecided = new ArrayList<>();
		if (s.dtlsHandshake) {
			(s.dtlsUseSrtp ? encrypted
					: undecided)
				.add("DTLS handshake" + (s.dtlsUseSrtp
						? " negotiating use_srtp" + (s.dtlsSrtpProfile == null ? "" : " (" + s.dtlsSrtpProfile + ")")
						: " without use_srtp") + " on the media flow in frame " + s.dtlsHandshakeFrame);
		}
		if (s.srtcpEncrypted > 0) {
			encrypted.add(s.srtcpEncrypted + " SRTCP packets with the E flag set (encrypted control) beside "
					+ s.rtpPackets + " RTP-framed packets");
		}
		PayloadEntropy e = s.entropy();
		if (s.rtpPackets > 0 && e.conclusive() && s.uncompressedAudio()) {
			double bits = e.bitsPerByte();
			boolean cipher = bits >= PayloadEntropy.CIPHERTEXT_BITS;
			(cipher ? encrypted : plain).add(Format.of(
					"%d RTP packets with G.711 payload types %s whose payload entropy is %.2f bits/byte over %d bytes: %s",
					s.rtpPackets, s.payloadTypes, bits, e.sampled(),
					cipher ? "ciphertext, so SRTP" : "audio samples, so plain RTP"));
		}
		// every payload type on its own: which signals show plain codec frames or SRTP
		for (PayloadShape shape : s.shapes()) {
			MediaSignals.Judgement j = MediaSignals.judge(shape);
			switch (j.finding()) {
				case PLAIN -> (j.decisive() ? plain : plainWeak).add(j.evidence());
				case ENCRYPTED -> (j.decisive() ? encrypted : encryptedWeak).add(j.evidence());
				default -> undecided.add(j.evidence());
			}
		}
		boolean entropyNamed = s.rtpPackets > 0 && e.conclusive() && s.uncompressedAudio();
		if (s.rtpPackets > 0 && e.conclusive() && !e.ciphertextLike() && !s.uncompressedAudio()) {
			entropyNamed = true;
			plain.add(
					Format.of("payload entropy %.2f bits/byte over %d bytes, well below ciphertext's ~8: not encrypted",
							e.bitsPerByte(), e.sampled()));
		}
		else if (s.rtpPackets > 0 && e.notUniform() && !s.uncompressedAudio()) {
			plain.add(Format
				.of("the payload bytes are far from uniform (chi-square %.0f over %d bytes; ciphertext gives 255 ± 23):"
						+ " codec frames, not cipher output", e.chiSquare(), e.distributionSampled()));
		}
		else if (s.rtpPackets > 0 && e.uniform()) {
			encryptedWeak
				.add(Format.of("the payload bytes are as uniform as ciphertext (chi-square %.0f over %d bytes)",
						e.chiSquare(), e.distributionSampled()));
		}
		String head = "no SDP visible; ";
		if (!plain.isEmpty()) {
			return new MediaJudgement(MediaProtection.UNPROTECTED,
					head + s.rtpPackets + " RTP packets in clear: " + String.join("; ", plain) + also(plainWeak)
							+ (encrypted.isEmpty() && encryptedWeak.isEmpty() ? ""
									: "; although " + String.join("; ", concat(encrypted, encryptedWeak))
											+ " (the payloads are readable, so the media counts as plain)")
							+ (entropyNamed ? "" : entropyNote(s)));
		}
		if (!encrypted.isEmpty()) {
			return new MediaJudgement(MediaProtection.PROTECTED,
					head + s.rtpPackets + " RTP packets: " + String.join("; ", encrypted) + also(encryptedWeak)
							+ (entropyNamed ? "" : entropyNote(s))
							+ (plainWeak.isEmpty() ? "" : "; not decisive: " + String.join("; ", plainWeak))
							+ (undecided.isEmpty() ? "" : "; undecided: " + String.join("; ", undecided)));
		}
		if (!plainWeak.isEmpty()) {
			return new MediaJudgement(MediaProtection.UNPROTECTED,
					head + s.rtpPackets + " RTP packets in clear: " + String.join("; ", plainWeak) + entropyNote(s)
							+ (encryptedWeak.isEmpty() ? "" : "; not decisive: " + String.join("; ", encryptedWeak)));
		}
		if (!encryptedWeak.isEmpty()) {
			return new MediaJudgement(MediaProtection.PROTECTED,
					head + s.rtpPackets + " RTP packets: " + String.join("; ", encryptedWeak) + entropyNote(s)
							+ (undecided.isEmpty() ? "" : "; undecided: " + String.join("; ", undecided)));
		}
		if (s.rtpPackets > 0 && e.conclusive()) {
			return new MediaJudgement(MediaProtection.UNKNOWN, Format.of(
					"no SDP visible; %d RTP packets with payload types %s (entropy %.2f bits/byte, chi-square %.0f,"
							+ " cannot tell a compressed codec from ciphertext) and no SRTCP or DTLS evidence%s",
					s.rtpPackets, s.payloadTypes, e.bitsPerByte(), e.chiSquare(),
					undecided.isEmpty() ? "" : "; " + String.join("; ", undecided)));
		}
		return new MediaJudgement(MediaProtection.UNKNOWN,
				head + s.packets + " packets, too few RTP payload bytes to judge"
						+ (undecided.isEmpty() ? "" : "; " + String.join("; ", undecided)));
	}

	private static String also(List<String> agreeing) {
		return agreeing.isEmpty() ? "" : "; agreeing: " + String.join("; ", agreeing);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> out = new ArrayList<>(a);
		out.addAll(b);
		return out;
	}

}
