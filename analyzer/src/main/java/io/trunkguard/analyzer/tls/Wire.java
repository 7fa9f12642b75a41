package io.trunkguard.analyzer.tls;

/**
 * Bounds-checked big-endian reader over a byte range; runs past the end throw
 * {@link Malformed}.
 */
final class Wire {

	/** A structure ran past its enclosing length. Cheap: no stack trace. */
	static final class Malformed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Malformed(String what) {
			super(what, null, false, false);
		}

	}

	final byte[] b;

	int p;

	final int end;

	Wire(byte[] b, int off, int len) {
		this.b = b;
		this.p = off;
		this.end = off + len;
	}

	int remaining() {
		return end - p;
	}

	private void need(int n, String what) {
		if (n < 0 || end - p < n) {
			throw new Malformed(what + " needs " + n + " bytes, " + (end - p) + " left");
		}
	}

	int u8(String what) {
		need(1, what);
		return b[p++] & 0xff;
	}

	int u16(String what) {
		need(2, what);
		int v = (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
		p += 2;
		return v;
	}

	int u24(String what) {
		need(3, what);
		int v = (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
		p += 3;
		return v;
	}

	long u48(String what) {
		need(6, what);
		long v = 0;
		for (int i = 0; i < 6; i++) {
			v = v << 8 | (b[p + i] & 0xff);
		}
		p += 6;
		return v;
	}

	byte[] bytes(int n, String what) {
		need(n, what);
		byte[] out = new byte[n];
		System.arraycopy(b, p, out, 0, n);
		p += n;
		return out;
	}

	void skip(int n, String what) {
		need(n, what);
		p += n;
	}

	/** A sub-reader over the next n bytes, which are consumed here. */
	Wire sub(int n, String what) {
		need(n, what);
		Wire w = new Wire(b, p, n);
		p += n;
		return w;
	}

	static int u16(byte[] b, int off) {
		return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
	}

}
