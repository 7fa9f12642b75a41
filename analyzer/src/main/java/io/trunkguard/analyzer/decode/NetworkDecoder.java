package io.trunkguard.analyzer.decode;

import io.trunkguard.analyzer.io.Bytes;
import io.trunkguard.analyzer.reassembly.IpFragments;

/**
 * Walks a frame from its link layer to the innermost IP packet's transport segment, in
 * place. Unwraps VLAN/QinQ, MPLS, IP-in-IP (4, 41), GRE (IP, transparent Ethernet, ERSPAN
 * I/II/III) and VXLAN, and hands IP fragments to the reassembler. Allocates nothing for
 * unfragmented packets.
 */
public final class NetworkDecoder {

	public static final int UDP = 17;

	public static final int TCP = 6;

	public static final int SCTP = 132;

	private static final int MAX_DEPTH = 8;

	private final IpFragments fragments;

	private long undecodable;

	private long fragmentsSeen;

	public NetworkDecoder(IpFragments fragments) {
		this.fragments = fragments;
	}

	/**
	 * Decodes one frame into {@code out}. Returns true when {@code out} holds a complete
	 * transport segment (possibly reassembled from fragments); false for non-IP frames,
	 * damaged headers, or fragments still waiting for the rest of their datagram.
	 */
	public boolean decode(byte[] b, int off, int len, int linkType, Packet out) {
		out.tunnels = 0;
		out.reassembled = false;
		boolean ok = switch (linkType) {
			case LinkTypes.ETHERNET -> ethernet(b, off, len, out, 0);
			case LinkTypes.RAW, LinkTypes.RAW_OPENBSD, LinkTypes.RAW_14 -> ipByNibble(b, off, len, out, 0);
			case LinkTypes.IPV4 -> ipv4(b, off, len, out, 0);
			case LinkTypes.IPV6 -> ipv6(b, off, len, out, 0);
			case LinkTypes.NULL, LinkTypes.LOOP -> loopback(b, off, len, out, linkType == LinkTypes.LOOP);
			case LinkTypes.LINUX_SLL -> len >= 16 && byEtherType(Bytes.u16(b, off + 14), b, off + 16, len - 16, out, 0);
			case LinkTypes.LINUX_SLL2 -> len >= 20 && byEtherType(Bytes.u16(b, off), b, off + 20, len - 20, out, 0);
			default -> false;
		};
		if (!ok) {
			undecodable++;
		}
		return ok;
	}

	private boolean loopback(byte[] b, int off, int len, Packet out, boolean networkOrder) {
		if (len < 4) {
			return false;
		}
		int family = networkOrder ? Bytes.int32(b, off) : Bytes.int32le(b, off);
		if (family > 0xFFFF) {
			family = Integer.reverseBytes(family);
		}
		return switch (family) {
			case 2 -> ipv4(b, off + 4, len - 4, out, 0);
			case 24, 28, 30 -> ipv6(b, off + 4, len - 4, out, 0);
			default -> ipByNibble(b, off + 4, len - 4, out, 0);
		};
	}

	private boolean ethernet(byte[] b, int off, int len, Packet out, int depth) {
		if (len < 14 || depth > MAX_DEPTH) {
			return false;
		}
		return byEtherType(Bytes.u16(b, off + 12), b, off + 14, len - 14, out, depth);
	}

	private boolean byEtherType(int type, byte[] b, int off, int len, Packet out, int depth) {
		while (true) {
			switch (type) {
				case 0x0800:
					return ipv4(b, off, len, out, depth);
				case 0x86DD:
					return ipv6(b, off, len, out, depth);
				case 0x8100, 0x88A8, 0x9100, 0x9200:
					if (len < 4) {
						return false;
					}
					type = Bytes.u16(b, off + 2);
					off += 4;
					len -= 4;
					break;
				case 0x8847, 0x8848:
					// MPLS label stack, then IP by version nibble
					while (true) {
						if (len < 4) {
							return false;
						}
						boolean bottom = (b[off + 2] & 0x01) != 0;
						off += 4;
						len -= 4;
						if (bottom) {
							return ipByNibble(b, off, len, out, depth);
						}
					}
				case 0x6558:
					return ethernet(b, off, len, out, depth + 1);
				default:
					return false;
			}
		}
	}

	private boolean ipByNibble(byte[] b, int off, int len, Packet out, int depth) {
		if (len < 1) {
			return false;
		}
		int v = (b[off] & 0xF0) >> 4;
		return v == 4 ? ipv4(b, off, len, out, depth) : v == 6 && ipv6(b, off, len, out, depth);
	}

	private boolean ipv4(byte[] b, int off, int len, Packet out, int depth) {
		if (len < 20 || depth > MAX_DEPTH || (b[off] & 0xF0) != 0x40) {
			return false;
		}
		int ihl = (b[off] & 0x0F) * 4;
		int total = Bytes.u16(b, off + 2);
		if (ihl < 20 || ihl > len) {
			return false;
		}
		if (total < ihl) {
			// TSO captures write 0; trust the captured length
			total = len;
		}
		int end = Math.min(total, len);
		int flagsFrag = Bytes.u16(b, off + 6);
		out.ipVersion = 4;
		out.srcHi = 0;
		out.srcLo = Bytes.u32(b, off + 12);
		out.dstHi = 0;
		out.dstLo = Bytes.u32(b, off + 16);
		out.protocol = b[off + 9] & 0xFF;
		boolean more = (flagsFrag & 0x2000) != 0;
		int fragOffset = (flagsFrag & 0x1FFF) * 8;
		if (more || fragOffset != 0) {
			out.fragment = true;
			out.fragId = Bytes.u16(b, off + 4);
			out.fragOffset = fragOffset;
			out.moreFragments = more;
			return fragment(b, off + ihl, end - ihl, out, depth);
		}
		out.fragment = false;
		return transport(b, off + ihl, end - ihl, out, depth);
	}

	private boolean ipv6(byte[] b, int off, int len, Packet out, int depth) {
		if (len < 40 || depth > MAX_DEPTH || (b[off] & 0xF0) != 0x60) {
			return false;
		}
		int payload = Bytes.u16(b, off + 4);
		int end = payload == 0 ? len : Math.min(len, 40 + payload); // 0: jumbogram or TSO
		out.ipVersion = 6;
		out.srcHi = Bytes.int64(b, off + 8);
		out.srcLo = Bytes.int64(b, off + 16);
		out.dstHi = Bytes.int64(b, off + 24);
		out.dstLo = Bytes.int64(b, off + 32);
		out.fragment = false;
		return extensions(b, off + 40, off + end, b[off + 6] & 0xFF, out, depth, false);
	}

	/**
	 * Walks IPv6 extension headers from {@code p} (header type {@code next}) to the
	 * transport header. Also run on a reassembled datagram whose fragmentable part starts
	 * with extension headers ({@code reassembled}: a further fragment header there is not
	 * followed).
	 */
	private boolean extensions(byte[] b, int p, int limit, int next, Packet out, int depth, boolean reassembled) {
		for (int guard = 0; guard < 16; guard++) {
			switch (next) {
				case 0, 43, 60, 135, 139, 140 -> {
					if (p + 8 > limit) {
						return false;
					}
					int hdrLen = ((b[p + 1] & 0xFF) + 1) * 8;
					next = b[p] & 0xFF;
					p += hdrLen;
				}
				case 51 -> {
					if (p + 8 > limit) {
						return false;
					}
					int hdrLen = ((b[p + 1] & 0xFF) + 2) * 4;
					next = b[p] & 0xFF;
					p += hdrLen;
				}
				case 44 -> {
					if (p + 8 > limit || reassembled) {
						return false;
					}
					int nextHeader = b[p] & 0xFF;
					int offFlags = Bytes.u16(b, p + 2);
					out.fragment = true;
					out.fragOffset = offFlags & 0xFFF8;
					out.moreFragments = (offFlags & 1) != 0;
					out.fragId = Bytes.u32(b, p + 4);
					out.protocol = nextHeader;
					p += 8;
					if (p > limit) {
						return false;
					}
					if (out.fragOffset == 0 && !out.moreFragments) {
						out.fragment = false; // atomic fragment
						next = nextHeader;
						continue;
					}
					return fragment(b, p, limit - p, out, depth);
				}
				case 59 -> {
					return false;
				}
				default -> {
					if (p > limit) {
						return false;
					}
					out.protocol = next;
					return transport(b, p, limit - p, out, depth);
				}
			}
		}
		return false;
	}

	private boolean fragment(byte[] b, int off, int len, Packet out, int depth) {
		fragmentsSeen++;
		if (fragments == null) {
			return false;
		}
		out.buf = b;
		out.off = off;
		out.len = len;
		byte[] whole = fragments.add(out);
		if (whole == null) {
			return false;
		}
		out.fragment = false;
		out.reassembled = true;
		if (out.ipVersion == 6 && isIpv6Extension(out.protocol)) {
			return extensions(whole, 0, whole.length, out.protocol, out, depth, true);
		}
		return transport(whole, 0, whole.length, out, depth);
	}

	private static boolean isIpv6Extension(int next) {
		return switch (next) {
			case 0, 43, 51, 60, 135, 139, 140 -> true;
			default -> false;
		};
	}

	private boolean transport(byte[] b, int off, int len, Packet out, int depth) {
		switch (out.protocol) {
			case 4:
				out.tunnels++;
				return ipv4(b, off, len, out, depth + 1);
			case 41:
				out.tunnels++;
				return ipv6(b, off, len, out, depth + 1);
			case 47:
				out.tunnels++;
				return gre(b, off, len, out, depth + 1);
			case UDP:
				if (len >= 16 && Bytes.u16(b, off + 2) == 4789 && (b[off + 8] & 0x08) != 0) {
					// VXLAN: 8-byte header, then Ethernet
					out.tunnels++;
					return ethernet(b, off + 16, len - 16, out, depth + 1);
				}
				break;
			default:
				break;
		}
		if (out.buf != b) {
			out.buf = b; // stored only when it changes: a reference store into a
							// long-lived object costs a G1 barrier
		}
		out.off = off;
		out.len = len;
		return len >= 0;
	}

	private boolean gre(byte[] b, int off, int len, Packet out, int depth) {
		if (len < 4) {
			return false;
		}
		int flags = Bytes.u16(b, off);
		int version = flags & 0x7;
		int proto = Bytes.u16(b, off + 2);
		if (version != 0) {
			return false; // enhanced GRE (PPTP) carries PPP
		}
		int p = 4;
		if ((flags & 0x8000) != 0) {
			p += 4; // checksum + reserved
		}
		if ((flags & 0x2000) != 0) {
			p += 4; // key
		}
		boolean seq = (flags & 0x1000) != 0;
		if (seq) {
			p += 4;
		}
		if (p > len) {
			return false;
		}
		int o = off + p;
		int l = len - p;
		switch (proto) {
			case 0x88BE:
				if (!seq) {
					return ethernet(b, o, l, out, depth); // ERSPAN type I: no ERSPAN
															// header
				}
				return l >= 8 && ethernet(b, o + 8, l - 8, out, depth); // type II
			case 0x22EB: {
				if (l < 12) {
					return false;
				}
				boolean optional = (b[o + 11] & 0x01) != 0;
				int frameType = (b[o + 10] >> 2) & 0x1F;
				int h = optional ? 20 : 12;
				if (l < h) {
					return false;
				}
				return frameType == 0 ? ethernet(b, o + h, l - h, out, depth) : ipByNibble(b, o + h, l - h, out, depth);
			}
			default:
				return byEtherType(proto, b, o, l, out, depth);
		}
	}

	public long undecodableCount() {
		return undecodable;
	}

	public long fragmentsSeen() {
		return fragmentsSeen;
	}

}
