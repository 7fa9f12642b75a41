package io.trunkguard.analyzer.rtp;

import io.trunkguard.analyzer.io.Bytes;

/** Header checks for RTP, RTCP, SRTCP and STUN, in place. */
public final class RtpPackets {

	private RtpPackets() {
	}

	/**
	 * A plausible RTP header: version 2, a payload type that is not RTCP's, sane
	 * CSRC/extension/padding.
	 */
	public static boolean isRtp(byte[] b, int off, int len) {
		if (len < 12) {
			return false;
		}
		// Without branches but the last: this runs inlined into the per-packet UDP and
		// media paths, where each check that had never failed while the JIT profiled them
		// (the extension or padding bit, RTCP's packet types) cost a deoptimisation and a
		// recompilation of the whole caller the first time it did. Each term below is
		// negative exactly when one check of the RTP header fails.
		int b0 = b[off] & 0xFF;
		int pt = b[off + 1] & 0x7F;
		int csrcEnd = 12 + 4 * (b0 & 0x0F);
		int x = (b0 >>> 4) & 1;
		int p = (b0 >>> 5) & 1;
		// the extension's length word, read inside the packet; rejected below when the
		// packet is too short to hold it
		int extension = x * (4 + 4 * Bytes.u16(b, off + Math.min(csrcEnd + 2, len - 2)));
		int header = csrcEnd + extension;
		int pad = p * (b[off + len - 1] & 0xFF);
		int notVersion2 = -((b0 & 0xC0) ^ 0x80);
		int rtcpType = ~((pt - 72) | (76 - pt)); // RTCP SR/RR/SDES/BYE/APP read as RTP
													// with the marker
		int extensionCut = -x & (len - csrcEnd - 4);
		int headerCut = len - header;
		int badPadding = -p & ((pad - 1) | (len - header - pad));
		return (notVersion2 | rtcpType | extensionCut | headerCut | badPadding) >= 0;
	}

	/** Offset of the RTP payload relative to {@code off}. Assumes {@link #isRtp}. */
	public static int payloadOffset(byte[] b, int off, int len) {
		int b0 = b[off] & 0xFF;
		int header = 12 + 4 * (b0 & 0x0F);
		if ((b0 & 0x10) != 0) {
			header += 4 + 4 * Bytes.u16(b, off + header + 2);
		}
		return header;
	}

	public static int payloadLength(byte[] b, int off, int len) {
		int h = payloadOffset(b, off, len);
		int pad = (b[off] & 0x20) != 0 ? b[off + len - 1] & 0xFF : 0;
		return Math.max(0, len - h - pad);
	}

	public static int payloadType(byte[] b, int off) {
		return b[off + 1] & 0x7F;
	}

	public static int sequence(byte[] b, int off) {
		return Bytes.u16(b, off + 2);
	}

	public static long timestamp(byte[] b, int off) {
		return Bytes.u32(b, off + 4);
	}

	public static long ssrc(byte[] b, int off) {
		return Bytes.u32(b, off + 8);
	}

	/** An RTCP header: version 2, packet type 192..223, a length that fits. */
	public static boolean isRtcp(byte[] b, int off, int len) {
		if (len < 8 || (b[off] & 0xC0) != 0x80) {
			return false;
		}
		int pt = b[off + 1] & 0xFF;
		if (pt < 192 || pt > 223) {
			return false;
		}
		int plen = (Bytes.u16(b, off + 2) + 1) * 4;
		return plen <= len;
	}

	/** Classification of an RTCP-looking datagram. */
	public enum RtcpKind {

		PLAIN, SRTCP_ENCRYPTED, SRTCP_UNENCRYPTED, UNKNOWN

	}

	/**
	 * Walks the compound packet: one that ends exactly at the datagram's end is plain
	 * RTCP; one that leaves the 4-byte E||index word and an auth tag (4 or 10 bytes) is
	 * SRTCP, whose E flag says whether the payload is encrypted; one that cannot be
	 * walked with the E flag set at the SRTCP trailer is encrypted SRTCP.
	 */
	public static RtcpKind classifyRtcp(byte[] b, int off, int len) {
		int p = 0;
		while (p + 4 <= len) {
			if ((b[off + p] & 0xC0) != 0x80) {
				break;
			}
			int pt = b[off + p + 1] & 0xFF;
			if (pt < 192 || pt > 223) {
				break;
			}
			p += (Bytes.u16(b, off + p + 2) + 1) * 4;
		}
		if (p == len) {
			return RtcpKind.PLAIN;
		}
		for (int tag : new int[] { 10, 4 }) {
			int at = len - tag - 4;
			if (at >= 8 && (p == at || p > len)) {
				return (b[off + at] & 0x80) != 0 ? RtcpKind.SRTCP_ENCRYPTED : RtcpKind.SRTCP_UNENCRYPTED;
			}
		}
		for (int tag : new int[] { 10, 4 }) {
			int at = len - tag - 4;
			if (at >= 8 && (b[off + at] & 0x80) != 0) {
				long index = Bytes.u32(b, off + at) & 0x7FFFFFFFL;
				if (index < (1L << 24)) {
					return RtcpKind.SRTCP_ENCRYPTED;
				}
			}
		}
		return RtcpKind.UNKNOWN;
	}

	/** STUN (RFC 5389): top bits 00, magic cookie, length a multiple of 4 that fits. */
	public static boolean isStun(byte[] b, int off, int len) {
		if (len < 20 || (b[off] & 0xC0) != 0) {
			return false;
		}
		int mlen = Bytes.u16(b, off + 2);
		return Bytes.int32(b, off + 4) == 0x2112A442 && (mlen & 3) == 0 && 20 + mlen <= len;
	}

}
