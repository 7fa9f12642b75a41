package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.TlsSummary;
import io.trunkguard.analyzer.correlate.Transport;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.io.Bytes;
import io.trunkguard.analyzer.reassembly.TcpStream;
import io.trunkguard.analyzer.rtp.RtpPackets;
import io.trunkguard.analyzer.rtp.RtpRunDetector;
import io.trunkguard.analyzer.sip.SipMessage;
import io.trunkguard.analyzer.sip.SipParser;
import io.trunkguard.analyzer.sip.SipStreamFramer;
import io.trunkguard.analyzer.sip.WebSocketFramer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Routes decoded transport segments: UDP datagrams to SIP, media or DTLS tracking; TCP
 * segments through per-direction reassembly to SIP, TLS or WebSocket; SCTP DATA chunks to
 * SIP. Flow tables are bounded and idle flows are evicted, so memory does not grow with
 * the capture.
 */
public final class PacketDispatcher {

	private static final long UDP_IDLE = 120_000_000_000L;

	private static final long TCP_IDLE = 600_000_000_000L;

	private static final int SWEEP_EVERY = 1 << 16;

	private final Correlator correlator;

	private final TlsSupport tls;

	private final int maxUdpFlows;

	private final int maxTcpConnections;

	private final int tcpBufferBytes;

	private final FlowKey probe = new FlowKey();

	private final Map<FlowKey, UdpFlow> udp = new HashMap<>();

	private final Map<FlowKey, UdpFlow> sctp = new HashMap<>();

	private final Map<FlowKey, TcpConn> tcp = new HashMap<>();

	private final List<TlsBinding> tlsBindings = new ArrayList<>();

	private long packets;

	private long udpPackets;

	private long tcpSegments;

	private long sctpPackets;

	private long tcpConnections;

	private long evictedFlows;

	private long lastTs;

	private long undecodableWebSocketMessages;

	public PacketDispatcher(Correlator correlator, TlsSupport tls, int maxUdpFlows, int maxTcpConnections,
			int tcpBufferBytes) {
		this.correlator = correlator;
		this.tls = tls;
		this.maxUdpFlows = maxUdpFlows;
		this.maxTcpConnections = maxTcpConnections;
		this.tcpBufferBytes = tcpBufferBytes;
	}

	/** A TLS/DTLS session with what its facts should be copied into when it ends. */
	private record TlsBinding(TlsSupport.Session session, Leg leg, UdpFlow flow) {
	}

	private static final class UdpFlow {

		final FlowKey key;

		final boolean firstSenderIsA;

		Endpoint a;

		Endpoint b;

		long lastSeen;

		long packets;

		Leg leg;

		MediaStream media;

		int boundVersion = -1;

		final int hashA;

		final int hashB;

		RtpRunDetector runs;

		TlsSupport.Session dtls;

		Map<Integer, byte[]> sctpFragments;

		UdpFlow(FlowKey key, boolean firstSenderIsA) {
			this.key = key;
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

	private enum Kind {

		UNKNOWN, SIP, TLS, WS, OTHER

	}

	private final class TcpConn {

		final FlowKey key;

		final boolean clientIsA;

		final Endpoint client;

		final Endpoint server;

		final TcpStream[] streams = new TcpStream[2];

		Kind kind = Kind.UNKNOWN;

		long lastSeen;

		long sniffedBytes;

		Leg leg;

		TlsSupport.Session session;

		final Object[] framers = new Object[2];

		final Kind[] plainKind = { Kind.UNKNOWN, Kind.UNKNOWN };

		long ts;

		TcpConn(FlowKey key, boolean clientIsA) {
			this.key = key;
			this.clientIsA = clientIsA;
			Endpoint a = key.a();
			Endpoint b = key.b();
			client = clientIsA ? a : b;
			server = clientIsA ? b : a;
			for (int dir = 0; dir < 2; dir++) {
				final int d = dir;
				streams[dir] = new TcpStream(new TcpStream.Sink() {
					@Override
					public void onData(byte[] buf, int off, int len, long frame) {
						data(d, buf, off, len, frame);
					}

					@Override
					public void onGap(long frame) {
						gap(d, frame);
					}
				}, tcpBufferBytes, 512);
			}
		}

		Leg leg(Transport t) {
			if (leg == null) {
				leg = correlator.leg(this, t, client, server);
			}
			return leg;
		}

		void data(int dir, byte[] b, int off, int len, long frame) {
			if (kind == Kind.UNKNOWN) {
				kind = sniff(b, off, len);
				if (kind == Kind.UNKNOWN) {
					sniffedBytes += len;
					if (sniffedBytes > 4096) {
						kind = Kind.OTHER;
					}
					return;
				}
				if (kind == Kind.TLS) {
					session = tls.stream();
					Leg l = leg(Transport.TLS);
					if (l != null) {
						l.touch(frame, ts);
					}
					if (tlsBindings.size() < 100_000) {
						tlsBindings.add(new TlsBinding(session, l, null));
					}
					session.onPlaintext(this::plaintext);
				}
			}
			switch (kind) {
				case SIP -> sipFramer(dir).onData(b, off, len, frame, ts);
				case WS -> wsFramer(dir).onData(b, off, len, frame, ts);
				case TLS -> session.onStream(dir == 0, b, off, len, frame);
				default -> {
				}
			}
		}

		void gap(int dir, long frame) {
			if (session != null) {
				session.onStreamGap(dir == 0, frame);
			}
			Object f = framers[dir];
			if (f instanceof SipStreamFramer s) {
				s.onGap();
			}
			else if (f instanceof WebSocketFramer w) {
				w.onGap();
			}
		}

		void plaintext(boolean sideA, byte[] b, int off, int len, long frame) {
			int dir = sideA ? 0 : 1;
			if (plainKind[dir] == Kind.UNKNOWN) {
				Kind k = sniff(b, off, len);
				if (k == Kind.TLS || k == Kind.UNKNOWN) {
					plainKind[dir] = Kind.OTHER;
				}
				else {
					plainKind[dir] = k;
				}
				if (k == Kind.WS && leg != null) {
					leg.transport = Transport.WSS;
				}
			}
			switch (plainKind[dir]) {
				case SIP -> sipFramer(dir).onData(b, off, len, frame, ts);
				case WS -> wsFramer(dir).onData(b, off, len, frame, ts);
				default -> {
				}
			}
		}

		SipStreamFramer sipFramer(int dir) {
			if (!(framers[dir] instanceof SipStreamFramer)) {
				framers[dir] = new SipStreamFramer(m -> sip(dir, m, Transport.TCP));
			}
			return (SipStreamFramer) framers[dir];
		}

		WebSocketFramer wsFramer(int dir) {
			if (!(framers[dir] instanceof WebSocketFramer)) {
				framers[dir] = new WebSocketFramer(m -> sip(dir, m, Transport.WS));
			}
			return (WebSocketFramer) framers[dir];
		}

		void sip(int dir, SipMessage m, Transport plain) {
			Transport t = plain;
			if (kind == Kind.TLS) {
				t = plain == Transport.WS ? Transport.WSS : Transport.TLS;
			}
			Leg l = leg(t);
			if (l != null && l.transport == Transport.TLS && t == Transport.WSS) {
				l.transport = Transport.WSS;
			}
			correlator.onSip(l, m, dir == 0 ? client : server, dir == 0 ? server : client);
		}

	}

	private Kind sniff(byte[] b, int off, int len) {
		int p = off;
		int end = off + len;
		while (p < end && (b[p] == '\r' || b[p] == '\n')) {
			p++;
		}
		if (p == end) {
			return Kind.UNKNOWN;
		}
		if (tls.looksLikeTls(b, p, end - p)) {
			return Kind.TLS;
		}
		if (SipParser.looksLikeSip(b, p, end - p)) {
			return Kind.SIP;
		}
		if (WebSocketFramer.looksLikeUpgrade(b, p, end - p)) {
			return Kind.WS;
		}
		// a capture that starts in the middle of a SIP message: a start line follows a
		// line break
		for (int i = p + 1; i < end; i++) {
			if (b[i - 1] == '\n' && SipParser.looksLikeSip(b, i, end - i)) {
				return Kind.SIP;
			}
		}
		// text without a start line yet (the tail of a message body): keep looking in the
		// next bytes
		return printable(b, p, Math.min(end, p + 64)) ? Kind.UNKNOWN : Kind.OTHER;
	}

	private static boolean printable(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			int c = b[i] & 0xFF;
			if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** Handles one decoded packet. */
	public void onPacket(Packet p) {
		packets++;
		lastTs = p.timestampNanos;
		switch (p.protocol) {
			case NetworkDecoder.UDP -> udp(p);
			case NetworkDecoder.TCP -> tcp(p);
			case NetworkDecoder.SCTP -> sctp(p);
			default -> {
			}
		}
		if ((packets & (SWEEP_EVERY - 1)) == 0) {
			sweep(p.timestampNanos, false);
		}
	}

	private void udp(Packet p) {
		byte[] b = p.buf;
		int off = p.off;
		if (p.len < 8) {
			return;
		}
		udpPackets++;
		int srcPort = Bytes.u16(b, off);
		int dstPort = Bytes.u16(b, off + 2);
		int udpLen = Bytes.u16(b, off + 4);
		int len = p.len - 8;
		if (udpLen >= 8 && udpLen - 8 < len) {
			len = udpLen - 8;
		}
		int po = off + 8;
		probe.set(NetworkDecoder.UDP, p, srcPort, dstPort);
		UdpFlow f = udp.get(probe);
		if (f == null) {
			if (udp.size() >= maxUdpFlows) {
				makeRoom(p.timestampNanos);
			}
			FlowKey key = probe.copy();
			f = new UdpFlow(key, probe.srcIsA);
			udp.put(key, f);
		}
		f.lastSeen = p.timestampNanos;
		f.packets++;
		boolean srcIsA = probe.srcIsA;
		int first = len > 0 ? b[po] & 0xFF : 0;
		if (first >= 'A' && first <= 'Z' && SipParser.looksLikeSip(b, po, len)) {
			SipMessage m = SipParser.parse(b, po, len);
			if (m != null) {
				m.frame = p.frame;
				m.timestampNanos = p.timestampNanos;
				if (f.leg == null) {
					f.leg = correlator.leg(f.key, Transport.UDP, f.first(), f.second());
				}
				correlator.onSip(f.leg, m, srcIsA ? f.a : f.b, srcIsA ? f.b : f.a);
				return;
			}
		}
		if (f.leg != null && len <= 4) {
			return; // keep-alive on a signalling flow
		}
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
		boolean dtls = first >= 20 && first <= 63 && tls.looksLikeDtls(b, po, len);
		if (dtls && f.dtls == null) {
			f.dtls = tls.datagram();
			if (f.media == null) {
				f.media = correlator.orphan(f.first(), f.second());
			}
			if (tlsBindings.size() < 100_000) {
				tlsBindings.add(new TlsBinding(f.dtls, null, f));
			}
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

	private void tcp(Packet p) {
		byte[] b = p.buf;
		int off = p.off;
		if (p.len < 20) {
			return;
		}
		tcpSegments++;
		int srcPort = Bytes.u16(b, off);
		int dstPort = Bytes.u16(b, off + 2);
		int seq = Bytes.int32(b, off + 4);
		int doff = ((b[off + 12] & 0xF0) >> 4) * 4;
		int flags = b[off + 13] & 0xFF;
		boolean syn = (flags & 0x02) != 0;
		boolean ack = (flags & 0x10) != 0;
		boolean fin = (flags & 0x01) != 0;
		if (doff < 20 || doff > p.len) {
			return;
		}
		int len = p.len - doff;
		probe.set(NetworkDecoder.TCP, p, srcPort, dstPort);
		TcpConn c = tcp.get(probe);
		if (c == null) {
			if (len == 0 && !syn) {
				return;
			}
			if (tcp.size() >= maxTcpConnections) {
				makeRoom(p.timestampNanos);
			}
			boolean srcIsClient = !(syn && ack);
			boolean clientIsA = srcIsClient == probe.srcIsA;
			FlowKey key = probe.copy();
			c = new TcpConn(key, clientIsA);
			tcp.put(key, c);
			tcpConnections++;
		}
		c.lastSeen = p.timestampNanos;
		c.ts = p.timestampNanos;
		if (c.leg != null) {
			c.leg.touch(p.frame, p.timestampNanos);
		}
		if (c.kind == Kind.OTHER) {
			return;
		}
		int dir = probe.srcIsA == c.clientIsA ? 0 : 1;
		c.streams[dir].onSegment(seq, syn, fin, b, off + doff, len, p.frame);
	}

	private void sctp(Packet p) {
		byte[] b = p.buf;
		int off = p.off;
		if (p.len < 12) {
			return;
		}
		sctpPackets++;
		int srcPort = Bytes.u16(b, off);
		int dstPort = Bytes.u16(b, off + 2);
		probe.set(NetworkDecoder.SCTP, p, srcPort, dstPort);
		UdpFlow f = sctp.get(probe);
		if (f == null) {
			if (sctp.size() >= 10_000) {
				sctp.clear();
			}
			FlowKey key = probe.copy();
			f = new UdpFlow(key, probe.srcIsA);
			sctp.put(key, f);
		}
		f.lastSeen = p.timestampNanos;
		boolean srcIsA = probe.srcIsA;
		int q = off + 12;
		int end = off + p.len;
		while (q + 4 <= end) {
			int type = b[q] & 0xFF;
			int chunkFlags = b[q + 1] & 0xFF;
			int clen = Bytes.u16(b, q + 2);
			if (clen < 4 || q + clen > end) {
				break;
			}
			if (type == 0 && clen > 16) {
				int stream = Bytes.u16(b, q + 8);
				boolean begin = (chunkFlags & 0x02) != 0;
				boolean last = (chunkFlags & 0x01) != 0;
				byte[] data = b;
				int dOff = q + 16;
				int dLen = clen - 16;
				if (!(begin && last)) {
					if (f.sctpFragments == null) {
						f.sctpFragments = new HashMap<>();
					}
					int fk = stream * 2 + (srcIsA ? 0 : 1);
					byte[] held = begin ? new byte[0] : f.sctpFragments.getOrDefault(fk, new byte[0]);
					if (held.length + dLen > 1 << 20) {
						held = new byte[0];
					}
					byte[] joined = new byte[held.length + dLen];
					System.arraycopy(held, 0, joined, 0, held.length);
					System.arraycopy(b, dOff, joined, held.length, dLen);
					if (!last) {
						f.sctpFragments.put(fk, joined);
						data = null;
					}
					else {
						f.sctpFragments.remove(fk);
						data = joined;
						dOff = 0;
						dLen = joined.length;
					}
				}
				if (data != null) {
					SipMessage m = SipParser.parse(data, dOff, dLen);
					if (m != null) {
						m.frame = p.frame;
						m.timestampNanos = p.timestampNanos;
						if (f.leg == null) {
							f.leg = correlator.leg(f.key, Transport.SCTP, f.first(), f.second());
						}
						correlator.onSip(f.leg, m, srcIsA ? f.a : f.b, srcIsA ? f.b : f.a);
					}
				}
			}
			q += (clen + 3) & ~3;
		}
	}

	/**
	 * The table is full: drop idle and unclassified flows, and if that is not enough, any
	 * flows until half the cap is free. Legs and media streams live on in the correlator,
	 * so a dropped flow that speaks again finds its leg (keyed by the flow's addresses)
	 * and its stream (by SDP endpoint).
	 */
	private void makeRoom(long now) {
		sweep(now, true);
		if (udp.size() > maxUdpFlows * 3 / 4) {
			Iterator<UdpFlow> it = udp.values().iterator();
			while (it.hasNext() && udp.size() > maxUdpFlows / 2) {
				UdpFlow f = it.next();
				it.remove();
				evictedFlows++;
				if (f.dtls != null) {
					applyDtls(f.dtls, f.media);
				}
			}
		}
		if (tcp.size() > maxTcpConnections * 3 / 4) {
			Iterator<TcpConn> it = tcp.values().iterator();
			while (it.hasNext() && tcp.size() > maxTcpConnections / 2) {
				TcpConn c = it.next();
				it.remove();
				evictedFlows++;
				close(c);
			}
		}
	}

	private void sweep(long now, boolean full) {
		Iterator<UdpFlow> it = udp.values().iterator();
		while (it.hasNext()) {
			UdpFlow f = it.next();
			if (now - f.lastSeen > UDP_IDLE || full && f.media == null && f.leg == null) {
				it.remove();
				evictedFlows++;
				if (f.dtls != null) {
					applyDtls(f.dtls, f.media);
				}
			}
		}
		Iterator<TcpConn> ct = tcp.values().iterator();
		while (ct.hasNext()) {
			TcpConn c = ct.next();
			if (now - c.lastSeen > TCP_IDLE || full && c.kind == Kind.OTHER) {
				ct.remove();
				evictedFlows++;
				close(c);
			}
		}
	}

	private void close(TcpConn c) {
		for (TcpStream s : c.streams) {
			s.flush();
		}
		countUndecodable(c);
		if (c.session != null && c.leg != null) {
			c.leg.tls = c.session.summary();
		}
	}

	/**
	 * Flushes what waits in reassembly buffers and copies TLS/DTLS facts into the model.
	 */
	public void finish() {
		for (TcpConn c : tcp.values()) {
			for (TcpStream s : c.streams) {
				s.flush();
			}
			countUndecodable(c);
		}
		for (TlsBinding t : tlsBindings) {
			if (t.leg() != null) {
				t.leg().tls = t.session().summary();
			}
			else if (t.flow() != null) {
				applyDtls(t.session(), t.flow().media);
			}
		}
	}

	private static void applyDtls(TlsSupport.Session session, MediaStream media) {
		if (media == null) {
			return;
		}
		TlsSummary s = session.summary();
		if (s.serverHelloFrame() > 0 || s.handshakeComplete()) {
			media.dtlsHandshake = true;
			media.dtlsHandshakeFrame = s.serverHelloFrame() > 0 ? s.serverHelloFrame() : s.clientHelloFrame();
			media.dtlsVersion = s.version();
			if (s.useSrtp()) {
				media.dtlsUseSrtp = true;
				if (!s.srtpProfiles().isEmpty()) {
					media.dtlsSrtpProfile = s.srtpProfiles().get(0);
				}
			}
		}
	}

	private void countUndecodable(TcpConn c) {
		for (Object f : c.framers) {
			if (f instanceof WebSocketFramer w) {
				undecodableWebSocketMessages += w.undecodable();
			}
		}
	}

	/**
	 * Compressed WebSocket messages that could not be inflated (counted when their
	 * connection ends).
	 */
	public long undecodableWebSocketMessages() {
		return undecodableWebSocketMessages;
	}

	public long packets() {
		return packets;
	}

	public long udpPackets() {
		return udpPackets;
	}

	public long tcpSegments() {
		return tcpSegments;
	}

	public long sctpPackets() {
		return sctpPackets;
	}

	public long tcpConnections() {
		return tcpConnections;
	}

	public long evictedFlows() {
		return evictedFlows;
	}

	public int liveFlows() {
		return udp.size() + tcp.size() + sctp.size();
	}

}
