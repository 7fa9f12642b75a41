package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.sip.SipMessage;

/**
 * Routes decoded transport segments to one class per transport: {@link UdpFlows} (SIP,
 * media, DTLS), {@link TcpFlows} (reassembly, then SIP, TLS or WebSocket) and
 * {@link SctpFlows} (DATA chunks to SIP). The UDP and TCP tables are bounded
 * {@link FlowTable}s swept together, so memory does not grow with the capture;
 * {@link TlsBindings} copies TLS and DTLS facts into the model at the end.
 */
public final class PacketDispatcher {

	private static final int SWEEP_EVERY = 1 << 16;

	private final FlowKey probe = new FlowKey();

	private final TlsBindings bindings = new TlsBindings();

	private final UdpFlows udp;

	private final TcpFlows tcp;

	private final SctpFlows sctp;

	private final Runnable makeRoom = this::makeRoom;

	private long packets;

	private long lastTs;

	public PacketDispatcher(Correlator correlator, TlsSupport tls, int maxUdpFlows, int maxTcpConnections,
			int tcpBufferBytes) {
		this.udp = new UdpFlows(correlator, tls, bindings, probe, maxUdpFlows);
		this.tcp = new TcpFlows(correlator, tls, bindings, probe, maxTcpConnections, tcpBufferBytes);
		this.sctp = new SctpFlows(correlator, probe);
	}

	/**
	 * Marks a UDP datagram that {@link #preParse(Packet)} found not to be SIP.
	 */
	public static final SipMessage NOT_SIP = new SipMessage();

	/**
	 * Parses a decoded UDP datagram as SIP ahead of
	 * {@link #onPacket(Packet, SipMessage)}, on any thread (it reads only the packet):
	 * the message, {@link #NOT_SIP}, or null for other transports.
	 */
	public static SipMessage preParse(Packet p) {
		return p.protocol == NetworkDecoder.UDP ? UdpFlows.preParse(p) : null;
	}

	/** Handles one decoded packet. */
	public void onPacket(Packet p) {
		onPacket(p, null);
	}

	/**
	 * Handles one decoded packet whose UDP payload was parsed by
	 * {@link #preParse(Packet)} (null: parse it here).
	 */
	public void onPacket(Packet p, SipMessage parsed) {
		packets++;
		lastTs = p.timestampNanos;
		switch (p.protocol) {
			case NetworkDecoder.UDP -> udp.onPacket(p, makeRoom, parsed);
			case NetworkDecoder.TCP -> tcp.onPacket(p, makeRoom);
			case NetworkDecoder.SCTP -> sctp.onPacket(p);
			default -> {
			}
		}
		if ((packets & (SWEEP_EVERY - 1)) == 0) {
			udp.table.sweep(p.timestampNanos, false);
			tcp.table.sweep(p.timestampNanos, false);
		}
	}

	/**
	 * A table is full: drop idle and unclassified flows, and if that is not enough, any
	 * flows until half the cap is free. Legs and media streams live on in the correlator,
	 * so a dropped flow that speaks again finds its leg (keyed by the flow's addresses)
	 * and its stream (by SDP endpoint).
	 */
	private void makeRoom() {
		udp.table.sweep(lastTs, true);
		tcp.table.sweep(lastTs, true);
		udp.table.trim();
		tcp.table.trim();
	}

	/**
	 * Flushes what waits in reassembly buffers and copies TLS/DTLS facts into the model.
	 */
	public void finish() {
		tcp.finish();
		bindings.finish();
	}

	/**
	 * Compressed WebSocket messages that could not be inflated (counted when their
	 * connection ends).
	 */
	public long undecodableWebSocketMessages() {
		return tcp.undecodableWebSocketMessages();
	}

	public long packets() {
		return packets;
	}

	public long udpPackets() {
		return udp.packets();
	}

	public long tcpSegments() {
		return tcp.segments();
	}

	public long sctpPackets() {
		return sctp.packets();
	}

	public long tcpConnections() {
		return tcp.connections();
	}

	public long evictedFlows() {
		return udp.table.evictions() + tcp.table.evictions();
	}

	public int liveFlows() {
		return udp.table.size() + tcp.table.size() + sctp.size();
	}

}
