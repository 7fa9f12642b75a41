package io.trunkguard.analyzer.decode;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address held in two longs (IPv4 in {@code lo}). equals and hashCode are
 * written out rather than generated (method handles), as flow and media lookups call them
 * on hot paths.
 */
public record IpAddress(int version, long hi, long lo) {
	@Override
	public boolean equals(Object o) {
		return o instanceof IpAddress a && lo == a.lo && hi == a.hi && version == a.version;
	}

	@Override
	public int hashCode() {
		long h = lo * 0x9E3779B97F4A7C15L + hi * 31 + version;
		return (int) (h ^ (h >>> 32));
	}

	public static IpAddress parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		if (t.startsWith("[") && t.endsWith("]")) {
			t = t.substring(1, t.length() - 1);
		}
		long v4 = parseIpv4(t);
		if (v4 >= 0) {
			return new IpAddress(4, 0, v4);
		}
		if (t.indexOf(':') < 0) {
			return null; // a host name: never resolved
		}
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
				return null;
			}
		}
		try {
			byte[] a = InetAddress.getByName(t).getAddress();
			return of(a);
		}
		catch (UnknownHostException | RuntimeException e) {
			return null;
		}
	}

	/** Dotted-quad IPv4 as an unsigned value, or -1. */
	static long parseIpv4(String t) {
		long value = 0;
		int parts = 0;
		int octet = -1;
		for (int i = 0; i <= t.length(); i++) {
			char c = i < t.length() ? t.charAt(i) : '.';
			if (c >= '0' && c <= '9') {
				octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
				if (octet > 255) {
					return -1;
				}
			}
			else if (c == '.' && octet >= 0) {
				value = (value << 8) | octet;
				parts++;
				octet = -1;
			}
			else {
				return -1;
			}
		}
		return parts == 4 ? value : -1;
	}

	public static IpAddress of(byte[] a) {
		if (a.length == 4) {
			return new IpAddress(4, 0,
					((a[0] & 0xFFL) << 24) | ((a[1] & 0xFFL) << 16) | ((a[2] & 0xFFL) << 8) | (a[3] & 0xFFL));
		}
		long hi = 0;
		long lo = 0;
		for (int i = 0; i < 8; i++) {
			hi = (hi << 8) | (a[i] & 0xFFL);
			lo = (lo << 8) | (a[i + 8] & 0xFFL);
		}
		return new IpAddress(6, hi, lo);
	}

	public byte[] bytes() {
		if (version == 4) {
			return new byte[] { (byte) (lo >>> 24), (byte) (lo >>> 16), (byte) (lo >>> 8), (byte) lo };
		}
		byte[] a = new byte[16];
		for (int i = 0; i < 8; i++) {
			a[i] = (byte) (hi >>> (56 - 8 * i));
			a[i + 8] = (byte) (lo >>> (56 - 8 * i));
		}
		return a;
	}

	/**
	 * True when the address lies inside {@code cidr} ("10.0.0.0/8", "fd00::/8", or a bare
	 * address).
	 */
	public boolean in(String cidr) {
		String[] parts = cidr.trim().split("/");
		IpAddress net = parse(parts[0]);
		if (net == null || net.version != version) {
			return false;
		}
		int bits = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : (version == 4 ? 32 : 128);
		byte[] a = bytes();
		byte[] n = net.bytes();
		for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
			int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
			if ((a[i] & mask) != (n[i] & mask)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		if (version == 4) {
			// dotted quad by hand (what InetAddress prints), without building an
			// InetAddress per call
			return ((lo >>> 24) & 0xFF) + "." + ((lo >>> 16) & 0xFF) + "." + ((lo >>> 8) & 0xFF) + "." + (lo & 0xFF);
		}
		try {
			String s = InetAddress.getByAddress(bytes()).getHostAddress();
			return version == 6 ? compress(s) : s;
		}
		catch (UnknownHostException e) {
			return "?";
		}
	}

	private static String compress(String full) {
		// InetAddress prints 0:0:0:0:0:0:0:1; prefer the RFC 5952 short form
		String[] g = full.split(":");
		int bestStart = -1;
		int bestLen = 0;
		for (int i = 0; i < g.length;) {
			if (g[i].equals("0")) {
				int j = i;
				while (j < g.length && g[j].equals("0")) {
					j++;
				}
				if (j - i > bestLen && j - i > 1) {
					bestStart = i;
					bestLen = j - i;
				}
				i = j;
			}
			else {
				i++;
			}
		}
		if (bestStart < 0) {
			return full;
		}
		String left = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
		String right = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
		return left + "::" + right;
	}
}
