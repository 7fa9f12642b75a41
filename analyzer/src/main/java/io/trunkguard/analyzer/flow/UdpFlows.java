package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.Transport;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.io.Bytes;
import io.trunkguard.analyzer.rtp.RtpPackets;
import io.trunkguard.analyzer.rtp.RtpRunDetector;
import io.trunkguard.analyzer.sip.SipMessage;
import io.trunkguard.analyzer.sip.SipParser;

/**
 * UDP: each datagram is SIP (parsed in place, on any port), DTLS (to its association), or
 * belongs to a media stream: the one whose SDP declared either endpoint, or, with no SDP
 * visible, a stream of its own once the flow shows an RTP run or a DTLS handshake.
 */
final class UdpFlows {

	private static final long IDLE = 120_000_000_000L;

	private final Correlator correlator;

	private final TlsSupport tls;

	private final TlsBindings bindings;

	private final FlowKey probe;

	final FlowTable<UdpFlow> table;

	private long packets;

	static final class UdpFlow extends FlowTable.Flow {

		final boolean firstSenderIsA;

		final Endpoint a;

		final Endpoint b;

		long packets;

		Leg leg;

		MediaStream media;

		int boundVersion = -1;

		final int hashA;

		final int hashB;

		RtpRunDetector runs;

		TlsSupport.Session dtls;

		UdpFlow(FlowKey key, boolean firstSenderIsA) {
			super(key);
			this.firstSenderIsA = firstSenderIsA;
			this.a = key.a();
			this.b = key.b();
			this.hashA = a.hashCode();
			this.hashB = b.hashCode();
		}

		Endpoint first() {
			return firstSenderIsA ? a : b;
		}

		Endpoint second() {
			return firstSenderIsA ? b : a;
		}

	}

	UdpFlows(Correlator correlator, TlsSupport tls, TlsBindings bindings, FlowKey probe, int maxFlows) {
		this.correlator = correlator;
		this.tls = tls;
		this.bindings = bindings;
		this.probe = probe;
		this.table = new FlowTable<>(maxFlows, IDLE, f -> f.media == null && f.leg == null, f -> {
			if (f.dtls != null) {
				TlsBindings.applyDtls(f.dtls, f.media);
			}
		});
	}

	long packets() {
		return packets;
	}

	/**
	 * One UDP datagram; {@code makeRoom} is called when the table is full before a new
	 * flow.
	 */
	void onPacket(Packet p, Runnable makeRoom) {
		onPacket(p, makeRoom, null);
	}

	/**
	 * The UDP payload parsed as SIP the way {@link #onPacket(Packet, Runnable)} would,
	 * {@link PacketDispatcher#NOT_SIP} when it is not SIP: stateless, so another thread
	 * can do it ahead of the flow logic.
	 */
	static SipMessage preParse(Packet p) {
		if (p.len < 8) {
			return PacketDispatcher.NOT_SIP;
		}
		int len = payloadLength(p);
		int po = p.off + 8;
		SipMessage m = parseSip(p.buf, po, len);
		if (m == null) {
			return PacketDispatcher.NOT_SIP;
		}
		m.prepareSdp();
		return m;
	}

	private static int payloadLength(Packet p) {
		int udpLen = Bytes.u16(p.buf, p.off + 4);
		int len = p.len - 8;
		if (udpLen >= 8 && udpLen - 8 < len) {
			len = udpLen - 8;
		}
		return len;
	}

	private static SipMessage parseSip(byte[] b, int po, int len) {
		int first = len > 0 ? b[po] & 0xFF : 0;
		if (first >= 'A' && first <= 'Z' && SipParser.looksLikeSip(b, po, len)) {
			return SipParser.parse(b, po, len);
		}
		return null;
	}

	/**
	 * As {@link #onPacket(Packet, Runnable)}, with the SIP parse done ahead
	 * ({@link #preParse(Packet)}), or null to parse here.
	 */
	void onPacket(Packet p, Runnable makeRoom, SipMessage parsed) {
		byte[] b = p.buf;
		int off = p.off;
		if (p.len < 8) {
			return;
		}
		packets++;
		int srcPort = Bytes.u16(b, off);
		int dstPort = Bytes.u16(b, off + 2);
		int len = payloadLength(p);
		int po = off + 8;
		probe.set(NetworkDecoder.UDP, p, srcPort, dstPort);
		UdpFlow f = table.get(probe);
		if (f == null) {
			if (table.full()) {
				makeRoom.run();
			}
			f = new UdpFlow(probe.copy(), probe.srcIsA);
			table.put(f);
		}
		f.lastSeen = p.timestampNanos;
		f.packets++;
		boolean srcIsA = probe.srcIsA;
		int first = len > 0 ? b[po] & 0xFF : 0;
		SipMessage m = parsed == null ? parseSip(b, po, len) : parsed == PacketDispatcher.NOT_SIP ? null : parsed;
		if (m != null) {
			m.frame = p.frame;
			m.timestampNanos = p.timestampNanos;
			if (f.leg == null) {
				f.leg = correlator.leg(f.key, Transport.UDP, f.first(), f.second());
			}
			correlator.onSip(f.leg, m, srcIsA ? f.a : f.b, srcIsA ? f.b : f.a);
			return;
		}
		if (f.leg != null && len <= 4) {
			return; // keep-alive on a signalling flow
		}
		bindMedia(f);
		boolean dtls = first >= 20 && first <= 63 && tls.looksLikeDtls(b, po, len);
		if (dtls && f.dtls == null) {
			f.dtls = tls.datagram();
			if (f.media == null) {
				f.media = correlator.orphan(f.first(), f.second());
			}
			UdpFlow flow = f;
			bindings.datagram(f.dtls, () -> flow.media);
		}
		if (dtls) {
			f.dtls.onDatagram(srcIsA == f.firstSenderIsA, b, po, len, p.frame);
		}
		if (f.media == null && f.leg == null && RtpPackets.isRtp(b, po, len)) {
			if (f.runs == null) {
				f.runs = new RtpRunDetector();
			}
			// media, not noise: one source (direction and SSRC) with sequence numbers
			// moving forward in small steps, whatever the other direction does meanwhile
			if (f.runs.offer(srcIsA ? 0 : 1, RtpPackets.ssrc(b, po), RtpPackets.sequence(b, po))) {
				f.runs = null;
				f.media = correlator.orphan(f.first(), f.second());
			}
		}
		if (f.media != null) {
			f.media.onPacket(b, po, len, p.frame, p.timestampNanos);
		}
	}

	/**
	 * Ties the flow to the negotiated stream whose SDP declared either endpoint, looking
	 * again only when an SDP declared one of them since the last look.
	 */
	private void bindMedia(UdpFlow f) {
		int version = correlator.registryVersion();
		if (f.boundVersion != version && !correlator.registryChangedFor(f.hashA, f.hashB, f.boundVersion)) {
			f.boundVersion = version; // neither endpoint was declared again: the lookup
										// below would find the same
		}
		if (f.boundVersion != version) {
			f.boundVersion = version;
			MediaStream s = correlator.mediaFor(f.a);
			if (s == null) {
				s = correlator.mediaFor(f.b);
			}
			if (s != null) {
				s.flowEndpoints.add(f.a);
				s.flowEndpoints.add(f.b);
				f.media = s;
			}
		}
	}

}
