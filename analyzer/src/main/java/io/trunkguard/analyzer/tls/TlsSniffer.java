package io.trunkguard.analyzer.tls;

import static io.trunkguard.analyzer.tls.TlsRecords.CT_ALERT;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_CCS;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_HANDSHAKE;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_HEARTBEAT;
import static io.trunkguard.analyzer.tls.TlsRecords.MAX_FRAGMENT;
import static io.trunkguard.analyzer.tls.TlsRecords.MAX_HANDSHAKE;

/**
 * Recognises TLS and DTLS by content, on any port: the flow dispatcher asks it whether a
 * connection or a datagram speaks (D)TLS, and the stream record reader asks it where the
 * next record boundary is after a gap. In place, no allocation.
 */
public final class TlsSniffer {

	private TlsSniffer() {
	}

	/**
	 * Content sniffing on any port: a plausible TLS record header (type 20..24, version
	 * 0x0300..0x0304, sane length); a handshake record must start with a known handshake
	 * type of plausible length, and a second header is checked when the first record ends
	 * inside the buffer.
	 */
	public static boolean looksLikeTls(byte[] buf, int off, int len) {
		if (buf == null || off < 0 || len < 5 || off > buf.length - len) {
			return false;
		}
		if (!plausibleTlsHeader(buf, off, len)) {
			return false;
		}
		int fragLen = Wire.u16(buf, off + 3);
		int next = off + 5 + fragLen;
		if (next + 5 <= off + len) {
			return plausibleTlsHeader(buf, next, off + len - next);
		}
		return true;
	}

	static boolean plausibleTlsHeader(byte[] b, int p, int avail) {
		int type = b[p] & 0xff;
		int major = b[p + 1] & 0xff;
		int minor = b[p + 2] & 0xff;
		int fragLen = Wire.u16(b, p + 3);
		if (type < CT_CCS || type > CT_HEARTBEAT || major != 3 || minor > 4 || fragLen == 0 || fragLen > MAX_FRAGMENT) {
			return false;
		}
		switch (type) {
			case CT_CCS:
				return fragLen == 1 && (avail < 6 || b[p + 5] == 1);
			case CT_ALERT:
				return fragLen >= 2 && (avail < 6 || fragLen > 2 || b[p + 5] == 1 || b[p + 5] == 2);
			case CT_HANDSHAKE:
				if (avail >= 9) {
					int hsType = b[p + 5] & 0xff;
					int hsLen = (b[p + 6] & 0xff) << 16 | (b[p + 7] & 0xff) << 8 | (b[p + 8] & 0xff);
					boolean known = hsType <= 2 || hsType == 4 || hsType == 8 || hsType == 11 || hsType == 12
							|| hsType == 13 || hsType == 14 || hsType == 15 || hsType == 16 || hsType == 20;
					// encrypted handshake records (Finished after CCS) look random:
					// accept unknown types only if long
					return (known && hsLen <= MAX_HANDSHAKE) || fragLen >= 32;
				}
				return true;
			default:
				return true;
		}
	}

	/**
	 * DTLS record header (version 0xfeff/0xfefd/0xfefc) with a plausible length;
	 * handshake fragments are checked.
	 */
	public static boolean looksLikeDtls(byte[] buf, int off, int len) {
		if (buf == null || off < 0 || len < 13 || off > buf.length - len) {
			return false;
		}
		int type = buf[off] & 0xff;
		int version = Wire.u16(buf, off + 1);
		int recLen = Wire.u16(buf, off + 11);
		if (type < CT_CCS || type > CT_HEARTBEAT) {
			return false;
		}
		if (version != 0xfeff && version != 0xfefd && version != 0xfefc) {
			return false;
		}
		if (recLen == 0 || recLen > len - 13 || recLen > MAX_FRAGMENT) {
			return false;
		}
		int epoch = Wire.u16(buf, off + 3);
		if (type == CT_HANDSHAKE && epoch == 0) {
			if (recLen < 12) {
				return false;
			}
			int p = off + 13;
			int hsType = buf[p] & 0xff;
			int msgLen = (buf[p + 1] & 0xff) << 16 | (buf[p + 2] & 0xff) << 8 | (buf[p + 3] & 0xff);
			int fragOff = (buf[p + 6] & 0xff) << 16 | (buf[p + 7] & 0xff) << 8 | (buf[p + 8] & 0xff);
			int fragLen = (buf[p + 9] & 0xff) << 16 | (buf[p + 10] & 0xff) << 8 | (buf[p + 11] & 0xff);
			return hsType <= 20 && fragOff + fragLen <= msgLen && fragLen <= recLen - 12;
		}
		if (type == CT_CCS) {
			return recLen == 1;
		}
		return true;
	}

	/**
	 * First offset in [p, end) holding a plausible record header (and a plausible next
	 * one when it is in range).
	 */
	static int findRecordStart(byte[] b, int p, int end) {
		for (int q = p; q + 5 <= end; q++) {
			if (!plausibleTlsHeader(b, q, end - q)) {
				continue;
			}
			int next = q + 5 + Wire.u16(b, q + 3);
			if (next + 5 <= end && !plausibleTlsHeader(b, next, end - next)) {
				continue;
			}
			return q;
		}
		return -1;
	}

}
