package io.trunkguard.vendor;

import io.trunkguard.shared.InvalidInputException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR range, parsed without any name lookup. A single address
 * is a range of one ({@code /32} or {@code /128}).
 */
public final class NetworkRange {

	private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

	private final byte[] network;

	private final int prefix;

	private NetworkRange(byte[] network, int prefix) {
		this.network = network;
		this.prefix = prefix;
	}

	/**
	 * Parses {@code 192.0.2.10}, {@code 192.0.2.0/24}, {@code 2001:db8::1} or
	 * {@code 2001:db8::/32}; anything else, a prefix out of range, or host bits set in a
	 * range is an {@link InvalidInputException} on the field {@code field} that says what
	 * is wrong.
	 */
	public static NetworkRange parse(String text, String field) {
		String value = text == null ? "" : text.strip();
		int slash = value.indexOf('/');
		String address = slash < 0 ? value : value.substring(0, slash);
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw invalid(field, "\"" + value + "\" is not an IP address or CIDR range (for example 192.0.2.10, "
					+ "192.0.2.0/24 or 2001:db8::/32)");
		}
		int bits = bytes.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			String length = value.substring(slash + 1);
			if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
				throw invalid(field, "\"" + value + "\" has an invalid prefix length: an "
						+ (bits == 32 ? "IPv4" : "IPv6") + " range takes /0 to /" + bits);
			}
			prefix = Integer.parseInt(length);
		}
		byte[] masked = mask(bytes, prefix);
		if (!Arrays.equals(masked, bytes)) {
			throw invalid(field,
					"\"" + value + "\" has host bits set: the range is " + new NetworkRange(masked, prefix).toString());
		}
		return new NetworkRange(bytes, prefix);
	}

	/** The bytes of an address literal, or null when {@code text} is not one. */
	static byte[] literal(String text) {
		if (IPV4.matcher(text).matches()) {
			String[] parts = text.split("\\.");
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int part = Integer.parseInt(parts[i]);
				if (part > 255) {
					return null;
				}
				bytes[i] = (byte) part;
			}
			return bytes;
		}
		if (text.contains(":") && IPV6.matcher(text).matches()) {
			try {
				// a literal containing ':' is parsed, never looked up
				InetAddress parsed = InetAddress.getByName("[" + text + "]");
				return parsed instanceof Inet4Address ? null : parsed.getAddress();
			}
			catch (UnknownHostException e) {
				return null;
			}
		}
		return null;
	}

	private static InvalidInputException invalid(String field, String message) {
		return new InvalidInputException("vendor.endpoint.invalid-address", message, Map.of(field, message));
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] masked = address.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
		}
		return masked;
	}

	/**
	 * Whether {@code address} lies in this range (an IPv4 address never in an IPv6
	 * range).
	 */
	public boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	/** Whether the address with these bytes (4 or 16) lies in this range. */
	public boolean contains(byte[] address) {
		return address.length == network.length && Arrays.equals(mask(address, prefix), network);
	}

	/**
	 * Whether {@code text} is an address literal in this range; false for anything that
	 * is not an address literal.
	 */
	public boolean contains(String text) {
		byte[] bytes = text == null ? null : literal(text.strip());
		return bytes != null && contains(bytes);
	}

	public int prefixLength() {
		return prefix;
	}

	/** Whether this is one address rather than a range. */
	public boolean isSingleAddress() {
		return prefix == network.length * 8;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof NetworkRange other && prefix == other.prefix && Arrays.equals(network, other.network);
	}

	@Override
	public int hashCode() {
		return Objects.hash(prefix, Arrays.hashCode(network));
	}

	/**
	 * The canonical form: {@code 192.0.2.0/24}, or the address alone for a single one.
	 */
	@Override
	public String toString() {
		String address;
		try {
			address = InetAddress.getByAddress(network).getHostAddress();
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
		if (network.length == 16) {
			address = compressIpv6(address);
		}
		return isSingleAddress() ? address : address + "/" + prefix;
	}

	/** Java writes 2001:db8:0:0:0:0:0:0; people write 2001:db8::. */
	private static String compressIpv6(String full) {
		String[] groups = full.split(":");
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < groups.length;) {
			if (groups[i].equals("0")) {
				int j = i;
				while (j < groups.length && groups[j].equals("0")) {
					j++;
				}
				if (j - i > bestLength) {
					bestStart = i;
					bestLength = j - i;
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
		String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
		String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
		return head + "::" + tail;
	}

}
