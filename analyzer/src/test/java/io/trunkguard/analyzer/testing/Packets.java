package io.trunkguard.analyzer.testing;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Builds real packet bytes (Ethernet, IPv4/IPv6, UDP, TCP, SCTP, GRE) for tests. */
public final class Packets {

	private Packets() {
	}

	public static byte[] ip(String text) {
		try {
			return InetAddress.getByName(text).getAddress();
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] udp(int sport, int dport, byte[] payload) {
		byte[] b = new byte[8 + payload.length];
		put16(b, 0, sport);
		put16(b, 2, dport);
		put16(b, 4, b.length);
		System.arraycopy(payload, 0, b, 8, payload.length);
		return b;
	}

	public static byte[] tcp(int sport, int dport, long seq, int flags, byte[] payload) {
		byte[] b = new byte[20 + payload.length];
		put16(b, 0, sport);
		put16(b, 2, dport);
		put32(b, 4, seq);
		put32(b, 8, 0);
		b[12] = 0x50;
		b[13] = (byte) flags;
		put16(b, 14, 65535);
		System.arraycopy(payload, 0, b, 20, payload.length);
		return b;
	}

	public static final int SYN = 0x02;

	public static final int ACK = 0x10;

	public static final int PSH = 0x08;

	public static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
		return ipv4(src, dst, protocol, payload, 1, 0, false);
	}

	/** IPv4 header with identification, fragment offset (bytes) and MF flag. */
	public static byte[] ipv4(String src, String dst, int protocol, byte[] payload, int id, int fragOffset,
			boolean more) {
		byte[] b = new byte[20 + payload.length];
		b[0] = 0x45;
		put16(b, 2, b.length);
		put16(b, 4, id);
		put16(b, 6, (more ? 0x2000 : 0) | (fragOffset / 8));
		b[8] = 64;
		b[9] = (byte) protocol;
		System.arraycopy(ip(src), 0, b, 12, 4);
		System.arraycopy(ip(dst), 0, b, 16, 4);
		System.arraycopy(payload, 0, b, 20, payload.length);
		return b;
	}

	public static byte[] ipv6(String src, String dst, int next, byte[] payload) {
		byte[] b = new byte[40 + payload.length];
		b[0] = 0x60;
		put16(b, 4, payload.length);
		b[6] = (byte) next;
		b[7] = 64;
		System.arraycopy(ip(src), 0, b, 8, 16);
		System.arraycopy(ip(dst), 0, b, 24, 16);
		System.arraycopy(payload, 0, b, 40, payload.length);
		return b;
	}

	/** IPv6 with a fragment header. */
	public static byte[] ipv6Fragment(String src, String dst, int next, byte[] payload, long id, int offset,
			boolean more) {
		byte[] frag = new byte[8 + payload.length];
		frag[0] = (byte) next;
		put16(frag, 2, offset | (more ? 1 : 0));
		put32(frag, 4, id);
		System.arraycopy(payload, 0, frag, 8, payload.length);
		return ipv6(src, dst, 44, frag);
	}

	public static byte[] ethernet(int etherType, byte[] payload) {
		byte[] b = new byte[14 + payload.length];
		for (int i = 0; i < 12; i++) {
			b[i] = (byte) (i + 1);
		}
		put16(b, 12, etherType);
		System.arraycopy(payload, 0, b, 14, payload.length);
		return b;
	}

	/** Ethernet with VLAN tags (outermost first) before the given ether type. */
	public static byte[] ethernetVlan(int[] tpids, int etherType, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < 12; i++) {
			out.write(i + 1);
		}
		for (int i = 0; i < tpids.length; i++) {
			write16(out, tpids[i]);
			write16(out, 100 + i);
		}
		write16(out, etherType);
		out.writeBytes(payload);
		return out.toByteArray();
	}

	public static byte[] sll(int protocol, byte[] payload) {
		byte[] b = new byte[16 + payload.length];
		put16(b, 0, 0);
		put16(b, 2, 1);
		put16(b, 4, 6);
		put16(b, 14, protocol);
		System.arraycopy(payload, 0, b, 16, payload.length);
		return b;
	}

	public static byte[] sll2(int protocol, byte[] payload) {
		byte[] b = new byte[20 + payload.length];
		put16(b, 0, protocol);
		put32(b, 4, 1);
		put16(b, 8, 1);
		b[11] = 6;
		System.arraycopy(payload, 0, b, 20, payload.length);
		return b;
	}

	/** BSD loopback (DLT_NULL): family in host (little-endian) order. */
	public static byte[] nullLoopback(int family, byte[] payload) {
		byte[] b = new byte[4 + payload.length];
		b[0] = (byte) family;
		System.arraycopy(payload, 0, b, 4, payload.length);
		return b;
	}

	/** GRE header (no optional fields unless {@code seq}) and payload. */
	public static byte[] gre(int protocol, boolean seq, byte[] payload) {
		int h = seq ? 8 : 4;
		byte[] b = new byte[h + payload.length];
		put16(b, 0, seq ? 0x1000 : 0);
		put16(b, 2, protocol);
		System.arraycopy(payload, 0, b, h, payload.length);
		return b;
	}

	/** ERSPAN type II header (8 bytes) + frame. */
	public static byte[] erspan2(byte[] frame) {
		byte[] b = new byte[8 + frame.length];
		b[0] = 0x10; // version 1 = type II
		System.arraycopy(frame, 0, b, 8, frame.length);
		return b;
	}

	/**
	 * ERSPAN type III header (12 bytes, no optional subheader, frame type Ethernet) +
	 * frame.
	 */
	public static byte[] erspan3(byte[] frame) {
		byte[] b = new byte[12 + frame.length];
		b[0] = 0x20; // version 2 = type III
		System.arraycopy(frame, 0, b, 12, frame.length);
		return b;
	}

	/** SCTP common header + one DATA chunk (B and E set) carrying {@code data}. */
	public static byte[] sctpData(int sport, int dport, byte[] data) {
		int clen = 16 + data.length;
		int padded = (clen + 3) & ~3;
		byte[] b = new byte[12 + padded];
		put16(b, 0, sport);
		put16(b, 2, dport);
		b[12] = 0;
		b[13] = 0x03;
		put16(b, 14, clen);
		put32(b, 16, 1);
		put32(b, 24, 3); // PPID
		System.arraycopy(data, 0, b, 28, data.length);
		return b;
	}

	/** An RTP packet (version 2) with the given payload. */
	public static byte[] rtp(int pt, int seq, long ts, long ssrc, byte[] payload) {
		byte[] b = new byte[12 + payload.length];
		b[0] = (byte) 0x80;
		b[1] = (byte) pt;
		put16(b, 2, seq);
		put32(b, 4, ts);
		put32(b, 8, ssrc);
		System.arraycopy(payload, 0, b, 12, payload.length);
		return b;
	}

	public static void put16(byte[] b, int p, int v) {
		b[p] = (byte) (v >>> 8);
		b[p + 1] = (byte) v;
	}

	public static void put32(byte[] b, int p, long v) {
		b[p] = (byte) (v >>> 24);
		b[p + 1] = (byte) (v >>> 16);
		b[p + 2] = (byte) (v >>> 8);
		b[p + 3] = (byte) v;
	}

	private static void write16(ByteArrayOutputStream out, int v) {
		out.write(v >>> 8);
		out.write(v);
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

}
