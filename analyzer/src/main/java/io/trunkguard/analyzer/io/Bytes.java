package io.trunkguard.analyzer.io;

/** Reads integers in place from byte arrays. */
public final class Bytes {

	private Bytes() {
	}

	public static int u8(byte[] b, int p) {
		return b[p] & 0xFF;
	}

	public static int u16(byte[] b, int p) {
		return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
	}

	public static int u16le(byte[] b, int p) {
		return ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
	}

	public static int int32(byte[] b, int p) {
		return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
	}

	public static long u32(byte[] b, int p) {
		return int32(b, p) & 0xFFFFFFFFL;
	}

	public static int int32le(byte[] b, int p) {
		return ((b[p + 3] & 0xFF) << 24) | ((b[p + 2] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
	}

	public static int int32(byte[] b, int p, boolean bigEndian) {
		return bigEndian ? int32(b, p) : int32le(b, p);
	}

	public static int u16(byte[] b, int p, boolean bigEndian) {
		return bigEndian ? u16(b, p) : u16le(b, p);
	}

	public static long int64(byte[] b, int p) {
		return (u32(b, p) << 32) | u32(b, p + 4);
	}

}
