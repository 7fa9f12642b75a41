package io.trunkguard.analyzer.correlate;

import io.trunkguard.analyzer.rtp.PayloadEntropy;
import io.trunkguard.analyzer.rtp.PayloadShape;
import io.trunkguard.analyzer.rtp.RtpPackets;
import io.trunkguard.analyzer.sdp.Sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One media stream: either an m= line of a dialog's offer/answer (with the endpoints both
 * sides declared) or a flow that looked like media without any visible SDP. Counts what
 * was seen on it.
 */
public final class MediaStream {

	public final String id;

	public final String callId;

	public final String mediaType;

	public final int mlineIndex;

	public Leg leg;

	/**
	 * The verdict given when correlation ended, for {@link #judgedLeg}; null before.
	 */
	Verdicts.MediaJudgement judgement;

	Leg judgedLeg;

	/**
	 * The judgement by content (no SDP) given when correlation ended, which does not
	 * depend on the leg; null before.
	 */
	Verdicts.MediaJudgement contentJudgement;

	// negotiation (null when no SDP was visible)
	public String offerProfile;

	public String answerProfile;

	public Endpoint offerEndpoint;

	public Endpoint answerEndpoint;

	public final List<Sdp.Crypto> offerCrypto = new ArrayList<>();

	public final List<Sdp.Crypto> answerCrypto = new ArrayList<>();

	public boolean fingerprint;

	public String setup;

	public boolean offeredSecure;

	public long downgradeFrame;

	public final FrameList sdpFrames = new FrameList(8);

	public boolean sdpOverEncryptedSignalling;

	public boolean sdpOverPlainSignalling;

	// observation
	public long packets;

	public long bytes;

	public long rtpPackets;

	public long rtcpPackets;

	public long srtcpEncrypted;

	public long srtcpUnencrypted;

	public long stunPackets;

	public long dtlsPackets;

	public long otherPackets;

	public long firstFrame;

	public long lastFrame;

	public long firstTimestamp;

	public long lastTimestamp;

	public final FrameList mediaFrames = new FrameList(5);

	public final FrameList rtcpFrames = new FrameList(5);

	public final FrameList dtlsFrames = new FrameList(5);

	public final Set<Long> ssrcs = new LinkedHashSet<>();

	public final Set<Integer> payloadTypes = new LinkedHashSet<>();

	public long sequenceBreaks;

	private int lastSeq = -1;

	private long lastSsrc = -1;

	private long previousSsrc = -1;

	private int lastPt = -1;

	private static final PayloadEntropy NONE = new PayloadEntropy();

	/**
	 * Allocated with the first RTP payload, so streams that only appear in SDP stay
	 * small.
	 */
	private PayloadEntropy entropy;

	/**
	 * Payload shapes per payload type (at most {@link #SHAPED_TYPES}), kept only for
	 * streams seen without SDP, where the packets are the only evidence.
	 */
	private PayloadShape[] shapes;

	static final int SHAPED_TYPES = 4;

	public final Set<Endpoint> flowEndpoints = new LinkedHashSet<>();

	// DTLS on the media flow (filled from the TLS package's facts)
	public boolean dtlsHandshake;

	public boolean dtlsUseSrtp;

	public String dtlsVersion;

	public String dtlsSrtpProfile;

	public long dtlsHandshakeFrame;

	public MediaStream(String id, String callId, String mediaType, int mlineIndex) {
		this.id = id;
		this.callId = callId;
		this.mediaType = mediaType;
		this.mlineIndex = mlineIndex;
	}

	public boolean negotiated() {
		return offerProfile != null;
	}

	/** The profile in force: the answer's if there is one, else the offer's. */
	public String profile() {
		return answerProfile != null ? answerProfile : offerProfile;
	}

	public List<Sdp.Crypto> crypto() {
		List<Sdp.Crypto> all = new ArrayList<>(offerCrypto);
		all.addAll(answerCrypto);
		return all;
	}

	/** Accounts one UDP payload of this stream's flows. */
	public void onPacket(byte[] b, int off, int len, long frame, long ts) {
		packets++;
		bytes += len;
		if (firstFrame == 0) {
			firstFrame = frame;
			firstTimestamp = ts;
		}
		lastFrame = frame;
		lastTimestamp = ts;
		if (len <= 0) {
			otherPackets++;
			return;
		}
		int first = b[off] & 0xFF;
		if (first <= 3 && RtpPackets.isStun(b, off, len)) {
			stunPackets++;
			return;
		}
		if (first >= 20 && first <= 63) {
			dtlsPackets++;
			dtlsFrames.add(frame);
			return;
		}
		if (first >= 128 && first <= 191 && len >= 8) {
			int second = b[off + 1] & 0xFF;
			if (second >= 192 && second <= 223 && RtpPackets.isRtcp(b, off, len)) {
				rtcpPackets++;
				rtcpFrames.add(frame);
				switch (RtpPackets.classifyRtcp(b, off, len)) {
					case SRTCP_ENCRYPTED -> srtcpEncrypted++;
					case SRTCP_UNENCRYPTED -> srtcpUnencrypted++;
					default -> {
					}
				}
				return;
			}
			if (RtpPackets.isRtp(b, off, len)) {
				rtpPackets++;
				mediaFrames.add(frame);
				long ssrc = RtpPackets.ssrc(b, off);
				if (ssrc != lastSsrc) {
					// hash sets touched only when the value changes, not per packet; the
					// SSRC before the
					// last one was offered already (both directions of a call alternate
					// between two)
					if (ssrc != previousSsrc && ssrcs.size() < 8) {
						ssrcs.add(ssrc);
					}
					previousSsrc = lastSsrc;
				}
				lastSsrc = ssrc;
				int pt = RtpPackets.payloadType(b, off);
				if (pt != lastPt && payloadTypes.size() < 16) {
					payloadTypes.add(pt);
				}
				lastPt = pt;
				int seq = RtpPackets.sequence(b, off);
				if (lastSeq >= 0 && ((seq - lastSeq) & 0xFFFF) > 100) {
					sequenceBreaks++;
				}
				lastSeq = seq;
				if (entropy == null) {
					entropy = new PayloadEntropy();
				}
				if (!entropy.full()) {
					int po = RtpPackets.payloadOffset(b, off, len);
					entropy.add(b, off + po, RtpPackets.payloadLength(b, off, len));
				}
				if (offerProfile == null) {
					shape(pt, b, off, len, ssrc, seq);
				}
				return;
			}
		}
		otherPackets++;
	}

	private void shape(int pt, byte[] b, int off, int len, long ssrc, int seq) {
		if (shapes == null) {
			shapes = new PayloadShape[SHAPED_TYPES];
		}
		for (int i = 0; i < SHAPED_TYPES; i++) {
			PayloadShape s = shapes[i];
			if (s == null) {
				s = shapes[i] = new PayloadShape(pt);
			}
			if (s.payloadType == pt) {
				if (!s.full()) {
					s.add(ssrc, seq, RtpPackets.timestamp(b, off), b, off + RtpPackets.payloadOffset(b, off, len),
							RtpPackets.payloadLength(b, off, len));
				}
				return;
			}
		}
	}

	/** Payload shapes per payload type of a stream seen without SDP, in order seen. */
	public List<PayloadShape> shapes() {
		List<PayloadShape> out = new ArrayList<>();
		if (shapes != null) {
			for (PayloadShape s : shapes) {
				if (s != null) {
					out.add(s);
				}
			}
		}
		return out;
	}

	/** Payload statistics of the RTP seen (empty when none was). */
	public PayloadEntropy entropy() {
		return entropy == null ? NONE : entropy;
	}

	/**
	 * True when the payload types seen are uncompressed audio, where entropy is decisive.
	 */
	public boolean uncompressedAudio() {
		if (payloadTypes.isEmpty()) {
			return false;
		}
		for (int pt : payloadTypes) {
			if (pt != 0 && pt != 8 && pt != 13 && pt != 101 && pt != 126) {
				return false;
			}
		}
		return payloadTypes.contains(0) || payloadTypes.contains(8);
	}

}
