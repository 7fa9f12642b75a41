package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.Transport;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.flow.StreamSniffer.Kind;
import io.trunkguard.analyzer.io.Bytes;
import io.trunkguard.analyzer.reassembly.TcpStream;
import io.trunkguard.analyzer.sip.SipMessage;
import io.trunkguard.analyzer.sip.SipStreamFramer;
import io.trunkguard.analyzer.sip.WebSocketFramer;

/**
 * TCP: each connection's two directions are reassembled, its content sniffed once, and
 * its bytes framed as SIP, WebSocket or TLS records (whose plaintext, with a key log, is
 * sniffed and framed again as SIP or WebSocket).
 */
final class TcpFlows {

	private static final long IDLE = 600_000_000_000L;

	private final Correlator correlator;

	private final TlsSupport tls;

	private final TlsBindings bindings;

	private final StreamSniffer sniffer;

	private final FlowKey probe;

	private final int bufferBytes;

	final FlowTable<TcpConn> table;

	private long segments;

	private long connections;

	private long undecodableWebSocketMessages;

	TcpFlows(Correlator correlator, TlsSupport tls, TlsBindings bindings, FlowKey probe, int maxConnections,
			int bufferBytes) {
		this.correlator = correlator;
		this.tls = tls;
		this.bindings = bindings;
		this.sniffer = new StreamSniffer(tls);
		this.probe = probe;
		this.bufferBytes = bufferBytes;
		this.table = new FlowTable<>(maxConnections, IDLE, c -> c.kind == Kind.OTHER, this::close);
	}

	long segments() {
		return segments;
	}

	long connections() {
		return connections;
	}

	/**
	 * Compressed WebSocket messages that could not be inflated (counted when their
	 * connection ends).
	 */
	long undecodableWebSocketMessages() {
		return undecodableWebSocketMessages;
	}

	final class TcpConn extends FlowTable.Flow {

		final boolean clientIsA;

		final Endpoint client;

		final Endpoint server;

		final TcpStream[] streams = new TcpStream[2];

		Kind kind = Kind.UNKNOWN;

		long sniffedBytes;

		Leg leg;

		TlsSupport.Session session;

		final Object[] framers = new Object[2];

		final Kind[] plainKind = { Kind.UNKNOWN, Kind.UNKNOWN };

		long ts;

		TcpConn(FlowKey key, boolean clientIsA) {
			super(key);
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
				}, bufferBytes, 512);
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
				kind = sniffer.sniff(b, off, len);
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
					bindings.stream(session, l);
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
				Kind k = sniffer.sniff(b, off, len);
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

	/**
	 * One TCP segment; {@code makeRoom} is called when the table is full before a new
	 * connection.
	 */
	void onPacket(Packet p, Runnable makeRoom) {
		byte[] b = p.buf;
		int off = p.off;
		if (p.len < 20) {
			return;
		}
		segments++;
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
		TcpConn c = table.get(probe);
		if (c == null) {
			if (len == 0 && !syn) {
				return;
			}
			if (table.full()) {
				makeRoom.run();
			}
			boolean srcIsClient = !(syn && ack);
			boolean clientIsA = srcIsClient == probe.srcIsA;
			c = new TcpConn(probe.copy(), clientIsA);
			table.put(c);
			connections++;
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

	/**
	 * A connection leaves the table: what waits in reassembly is framed, facts copied.
	 */
	private void close(TcpConn c) {
		for (TcpStream s : c.streams) {
			s.flush();
		}
		countUndecodable(c);
		if (c.session != null && c.leg != null) {
			c.leg.tls = c.session.summary();
		}
	}

	/** The capture ended: flushes what waits in reassembly buffers. */
	void finish() {
		for (TcpConn c : table.values()) {
			for (TcpStream s : c.streams) {
				s.flush();
			}
			countUndecodable(c);
		}
	}

	private void countUndecodable(TcpConn c) {
		for (Object f : c.framers) {
			if (f instanceof WebSocketFramer w) {
				undecodableWebSocketMessages += w.undecodable();
			}
		}
	}

}
