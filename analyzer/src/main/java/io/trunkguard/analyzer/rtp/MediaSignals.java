package io.trunkguard.analyzer.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides from one payload type's {@link PayloadShape} whether its RTP is plain or SRTP
 * when no SDP says so, and names the signal that decided:
 * <ul>
 * <li>a structured first payload byte (Opus TOC, AMR/AMR-WB CMR, GSM's 0xD signature,
 * telephone-event codes): few values across many packets; SRTP ciphertext makes it
 * uniform, so this proves plain;</li>
 * <li>payload lengths against the codec's frame sizes for the packet's duration (the RTP
 * timestamp step): whole frames exactly is plain, whole frames plus 10 or 4 bytes is the
 * SRTP authentication tag (HMAC-SHA1-80 or -32);</li>
 * <li>a uniform first byte on a dynamic payload type whose lengths are no fixed-rate
 * codec's: the dynamic-PT codecs with variable frames keep their first byte within few
 * values in clear, so a uniform one is ciphertext;</li>
 * <li>RFC 4733 telephone-events: 4-byte reports with event codes up to 16, the reserved
 * bit clear, end bits and durations that grow within an event are plain; 14- or 8-byte
 * payloads whose timestamp holds still as an event's does are those reports plus the SRTP
 * tag.</li>
 * </ul>
 * Anything else is undecided, with what was seen.
 */
public final class MediaSignals {

	/** What a payload type's packets show. */
	public enum Finding {

		PLAIN, ENCRYPTED, UNDECIDED

	}

	/**
	 * The finding, the sentence that explains it, and whether the signal decides on its
	 * own (codec structure or telephone-events in clear, an SRTP tag on a fixed-rate
	 * codec) or only when nothing stronger speaks (exact frame lengths, which SRTP
	 * without authentication also shows; a uniform first byte on a dynamic type).
	 */
	public record Judgement(Finding finding, String evidence, boolean decisive) {

		Judgement(Finding finding, String evidence) {
			this(finding, evidence, finding != Finding.UNDECIDED);
		}

	}

	/**
	 * Packets of 4-byte payloads enough to read RFC 4733 structure (one key press sends
	 * ~8).
	 */
	static final int MIN_EVENT_PACKETS = 8;

	/** Packets needed before the first byte's distribution is used. */
	static final int MIN_FIRST_BYTE_PACKETS = 32;

	/** Packets needed before payload lengths are used. */
	static final int MIN_LENGTH_PACKETS = 16;

	private MediaSignals() {
	}

	/** A codec's payload size for one packet of {@code step} clock ticks. */
	record Frames(String codec, int bytes) {
	}

	/**
	 * Fixed-rate codecs that may carry payload type {@code pt}, with the payload size for
	 * a packet of {@code step} ticks (20 ms assumed when the step is unknown).
	 */
	static List<Frames> fixedRateFrames(int pt, int step) {
		int s = step > 0 ? step : 160;
		List<Frames> out = new ArrayList<>();
		switch (pt) {
			case 0 -> out.add(new Frames("G.711 PCMU", s));
			case 8 -> out.add(new Frames("G.711 PCMA", s));
			case 9 -> out.add(new Frames("G.722", s)); // 64 kbit/s, 8000 Hz RTP clock
			case 18 -> out.add(new Frames("G.729", s / 8));
			case 3 -> {
				if (s % 160 == 0) {
					out.add(new Frames("GSM 06.10", 33 * (s / 160)));
				}
			}
			case 4 -> {
				if (s % 240 == 0) {
					out.add(new Frames("G.723.1 6.3k", 24 * (s / 240)));
					out.add(new Frames("G.723.1 5.3k", 20 * (s / 240)));
				}
			}
			case 15 -> out.add(new Frames("G.728", s / 4));
			case 2 -> out.add(new Frames("G.726-32", s / 2));
			default -> {
				if (pt >= 96 && pt <= 127) {
					if (s % 160 == 0) {
						out.add(new Frames("iLBC 20 ms", 38 * (s / 160)));
					}
					if (s % 240 == 0) {
						out.add(new Frames("iLBC 30 ms", 50 * (s / 240)));
					}
					out.add(new Frames("G.726-16", s / 4));
					out.add(new Frames("G.726-24", s * 3 / 8));
					out.add(new Frames("G.726-32", s / 2));
					out.add(new Frames("G.726-40", s * 5 / 8));
				}
			}
		}
		return out;
	}

	/** Judges one payload type. */
	public static Judgement judge(PayloadShape s) {
		int n = s.packets();
		int pt = s.payloadType;
		int len = s.dominantLength();
		boolean fixed = s.dominantLengthShare() >= 0.8;
		int step = s.dominantStep();
		boolean dynamic = pt >= 96 && pt <= 127;
		// RFC 4733 telephone-event: 4-byte event reports (event code, E bit, reserved
		// bit,
		// volume, duration growing within an event)
		if (dynamic && fixed && len == 4 && n >= MIN_EVENT_PACKETS && s.telephoneEventStructure()) {
			return new Judgement(Finding.PLAIN,
					String.format(Locale.ROOT,
							"payload type %d: %d packets of RFC 4733 telephone-events readable in clear: %s", pt, n,
							s.telephoneEventFacts()));
		}
		// the same events under SRTP: 4 bytes plus the tag, the timestamp held within an
		// event
		if (dynamic && fixed && (len == 14 || len == 8) && n >= MIN_EVENT_PACKETS && s.sameTimestampShare() >= 0.5) {
			return new Judgement(Finding.ENCRYPTED, String.format(Locale.ROOT,
					"payload type %d: %.0f%% of %d payloads are %d bytes with the RTP timestamp held in %.0f%% of"
							+ " consecutive packets, as RFC 4733 telephone-events repeat it: 4-byte event reports plus"
							+ " the %d-byte SRTP authentication tag (%s)",
					pt, 100 * s.dominantLengthShare(), n, len, 100 * s.sameTimestampShare(), len - 4,
					len == 14 ? "HMAC-SHA1-80" : "HMAC-SHA1-32"));
		}
		if (n < MIN_LENGTH_PACKETS) {
			return new Judgement(Finding.UNDECIDED, "payload type " + pt + ": only " + n + " packets");
		}
		double expected = PayloadShape.expectedDistinctIfRandom(n);
		boolean firstBytesUsable = n >= MIN_FIRST_BYTE_PACKETS;
		boolean structured = firstBytesUsable
				&& (s.topFirstByteShare() >= 0.4 || s.distinctFirstBytes() <= 0.3 * expected);
		boolean uniform = firstBytesUsable && s.distinctFirstBytes() >= 0.75 * expected
				&& s.topFirstByteShare() <= Math.max(0.1, 6.0 / n);
		String firstByte = String.format(Locale.ROOT,
				"the first payload byte takes %d values over %d packets (0x%02x in %.0f%%; random bytes would take ~%.0f)",
				s.distinctFirstBytes(), n, s.topFirstByte(), 100 * s.topFirstByteShare(), expected);
		if (structured) {
			return new Judgement(Finding.PLAIN, "payload type " + pt + ": " + firstByte
					+ ": a codec's header bits (table of contents, mode or signature) in clear; SRTP ciphertext would spread it"
					+ " over all 256 values");
		}
		if (fixed) {
			for (Frames f : fixedRateFrames(pt, step)) {
				if (f.bytes() <= 0) {
					continue;
				}
				for (int tag : new int[] { 10, 4 }) {
					if (len == f.bytes() + tag && !structured) {
						return new Judgement(Finding.ENCRYPTED, String.format(Locale.ROOT,
								"payload type %d: %.0f%% of %d payloads are %d bytes, %d more than the %d bytes of %s"
										+ " for their %s-tick duration: the SRTP authentication tag (%s)%s",
								pt, 100 * s.dominantLengthShare(), n, len, tag, f.bytes(), f.codec(),
								step > 0 ? String.valueOf(step) : "(assumed 160)",
								tag == 10 ? "HMAC-SHA1-80" : "HMAC-SHA1-32",
								uniform ? "; " + firstByte + ", as ciphertext" : ""));
					}
				}
				if (len == f.bytes() && !dynamic) {
					return new Judgement(Finding.PLAIN, String.format(Locale.ROOT,
							"payload type %d: %.0f%% of %d payloads are exactly the %d bytes of %s for their %s-tick"
									+ " duration, with no room for an SRTP authentication tag",
							pt, 100 * s.dominantLengthShare(), n, len, f.codec(),
							step > 0 ? String.valueOf(step) : "(assumed 160)"), false);
				}
			}
		}
		boolean fixedRateFit = false;
		if (fixed) {
			for (Frames f : fixedRateFrames(pt, step)) {
				fixedRateFit |= len == f.bytes();
			}
		}
		if (dynamic && uniform && !fixedRateFit && n >= 64) {
			return new Judgement(Finding.ENCRYPTED, "payload type " + pt + " (dynamic): " + firstByte
					+ ", as ciphertext; the dynamic-type codecs with variable frames (Opus TOC, AMR and AMR-WB CMR"
					+ " and table of contents, Speex) keep it within few values in clear", false);
		}
		String why = fixedRateFit ? "payloads of " + len + " bytes fit a codec without a header (G.726 or iLBC)"
				+ " in clear, so the first byte cannot tell" : firstByte;
		return new Judgement(Finding.UNDECIDED, "payload type " + pt + ": " + why);
	}

}
