package io.trunkguard.analyzer.decode;

/** The LINKTYPE values the decoder understands, with their names. */
public final class LinkTypes {

	public static final int NULL = 0;

	public static final int ETHERNET = 1;

	public static final int RAW_OPENBSD = 12;

	public static final int RAW_14 = 14;

	public static final int RAW = 101;

	public static final int LOOP = 108;

	public static final int LINUX_SLL = 113;

	public static final int IPV4 = 228;

	public static final int IPV6 = 229;

	public static final int LINUX_SLL2 = 276;

	private LinkTypes() {
	}

	public static String name(int linkType) {
		return switch (linkType) {
			case NULL -> "NULL (BSD loopback)";
			case ETHERNET -> "ETHERNET";
			case RAW, RAW_OPENBSD, RAW_14 -> "RAW";
			case LOOP -> "LOOP (OpenBSD loopback)";
			case LINUX_SLL -> "LINUX_SLL";
			case LINUX_SLL2 -> "LINUX_SLL2";
			case IPV4 -> "IPV4";
			case IPV6 -> "IPV6";
			default -> "LINKTYPE_" + linkType + " (unsupported)";
		};
	}

	public static boolean supported(int linkType) {
		return switch (linkType) {
			case NULL, ETHERNET, RAW, RAW_OPENBSD, RAW_14, LOOP, LINUX_SLL, LINUX_SLL2, IPV4, IPV6 -> true;
			default -> false;
		};
	}

}
