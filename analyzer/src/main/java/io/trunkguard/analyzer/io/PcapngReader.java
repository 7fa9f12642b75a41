package io.trunkguard.analyzer.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * pcapng: section header blocks in either byte order, several interfaces with their own
 * link type and timestamp resolution, enhanced, simple and obsolete packet blocks. Other
 * blocks are skipped.
 */
final class PcapngReader implements CaptureReader {

	static final int SHB = 0x0A0D0D0A;

	private static final int MAX_BLOCK = 64 * 1024 * 1024;

	private final ByteInput in;

	private boolean bigEndian;

	private final List<Iface> interfaces = new ArrayList<>();

	private final Set<Integer> linkTypes = new LinkedHashSet<>();

	private long frames;

	private Damage damage;

	private record Iface(int linkType, int snapLen, boolean base2, int exponent, long offsetSeconds) {
		long toNanos(long units) {
			long t;
			if (!base2) {
				if (exponent == 9) {
					t = units;
				}
				else if (exponent < 9) {
					t = units * POW10[9 - exponent];
				}
				else {
					t = exponent - 9 < POW10.length ? units / POW10[exponent - 9] : 0;
				}
			}
			else {
				t = (long) (units * (1e9 / Math.pow(2, exponent)));
			}
			return t + offsetSeconds * 1_000_000_000L;
		}
	}

	private static final long[] POW10 = { 1L, 10L, 100L, 1000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
			100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L };

	PcapngReader(ByteInput in) {
		this.in = in;
	}

	@Override
	public boolean next(CaptureRecord r) {
		while (damage == null) {
			long start = in.offset();
			int have = in.ensure(12);
			if (have == 0) {
				if (in.error() != null) {
					damage = new Damage(start, "stream ended with a read error: " + in.error().getMessage());
				}
				return false;
			}
			if (have < 12) {
				damage = new Damage(start, readError("truncated block header: " + have + " of 12 bytes"));
				return false;
			}
			byte[] b = in.buf;
			int p = in.pos;
			int type = Bytes.int32(b, p, bigEndian);
			if (Bytes.int32(b, p) == SHB) {
				int magic = Bytes.int32(b, p + 8);
				if (magic == 0x1A2B3C4D) {
					bigEndian = true;
				}
				else if (magic == 0x4D3C2B1A) {
					bigEndian = false;
				}
				else {
					damage = new Damage(start, "section header with unknown byte-order magic");
					return false;
				}
				type = SHB;
			}
			int total = Bytes.int32(b, p + 4, bigEndian);
			if (total < 12 || total > MAX_BLOCK || (total & 3) != 0) {
				damage = new Damage(start, "impossible block length " + Integer.toUnsignedString(total)
						+ " for block type 0x" + Integer.toHexString(type));
				return false;
			}
			int got = in.ensure(total);
			if (got < total) {
				damage = new Damage(start, readError("truncated block: " + got + " of " + total + " bytes"));
				return false;
			}
			b = in.buf;
			p = in.pos;
			if (Bytes.int32(b, p + total - 4, bigEndian) != total) {
				damage = new Damage(start, "block length trailer does not match its header (" + total + ")");
				return false;
			}
			boolean packet = false;
			switch (type) {
				case SHB -> interfaces.clear();
				case 1 -> {
					if (total < 20) {
						damage = new Damage(start, "interface description block too short");
						return false;
					}
					addInterface(b, p, total);
				}
				case 6, 2 -> packet = enhanced(r, b, p, total, start, type == 2);
				case 3 -> packet = simple(r, b, p, total, start);
				default -> {
					// statistics, name resolution, custom and decryption secrets blocks:
					// not needed
				}
			}
			if (damage != null) {
				return false;
			}
			in.skip(total);
			if (packet) {
				return true;
			}
		}
		return false;
	}

	private void addInterface(byte[] b, int p, int total) {
		int linkType = Bytes.u16(b, p + 8, bigEndian);
		int snap = Bytes.int32(b, p + 12, bigEndian);
		boolean base2 = false;
		int exp = 6;
		long tsOffset = 0;
		int o = p + 16;
		int end = p + total - 4;
		while (o + 4 <= end) {
			int code = Bytes.u16(b, o, bigEndian);
			int len = Bytes.u16(b, o + 2, bigEndian);
			if (code == 0 || o + 4 + len > end) {
				break;
			}
			if (code == 9 && len >= 1) {
				int v = b[o + 4] & 0xFF;
				base2 = (v & 0x80) != 0;
				exp = v & 0x7F;
			}
			else if (code == 14 && len >= 8) {
				tsOffset = bigEndian ? Bytes.int64(b, o + 4)
						: (Bytes.int32le(b, o + 4) & 0xFFFFFFFFL) | ((long) Bytes.int32le(b, o + 8) << 32);
			}
			o += 4 + ((len + 3) & ~3);
		}
		interfaces.add(new Iface(linkType, snap, base2, exp, tsOffset));
		linkTypes.add(linkType);
	}

	private boolean enhanced(CaptureRecord r, byte[] b, int p, int total, long start, boolean obsolete) {
		if (total < 32) {
			damage = new Damage(start, "packet block too short (" + total + " bytes)");
			return false;
		}
		int ifId = obsolete ? Bytes.u16(b, p + 8, bigEndian) : Bytes.int32(b, p + 8, bigEndian);
		long hi = Bytes.int32(b, p + 12, bigEndian) & 0xFFFFFFFFL;
		long lo = Bytes.int32(b, p + 16, bigEndian) & 0xFFFFFFFFL;
		int cap = Bytes.int32(b, p + 20, bigEndian);
		int orig = Bytes.int32(b, p + 24, bigEndian);
		if (cap < 0 || cap > total - 32) {
			damage = new Damage(start, "impossible captured length " + Integer.toUnsignedString(cap) + " in a " + total
					+ "-byte packet block");
			return false;
		}
		if (ifId < 0 || ifId >= interfaces.size()) {
			damage = new Damage(start, "packet for undeclared interface " + ifId);
			return false;
		}
		Iface iface = interfaces.get(ifId);
		fill(r, b, p + 28, cap, Math.max(orig, cap), iface.toNanos((hi << 32) | lo), iface.linkType, ifId, start);
		return true;
	}

	private boolean simple(CaptureRecord r, byte[] b, int p, int total, long start) {
		if (interfaces.isEmpty()) {
			damage = new Damage(start, "simple packet block before any interface description");
			return false;
		}
		int orig = Bytes.int32(b, p + 8, bigEndian);
		int cap = Math.min(orig < 0 ? Integer.MAX_VALUE : orig, total - 16);
		Iface iface = interfaces.get(0);
		fill(r, b, p + 12, cap, Math.max(orig, cap), 0, iface.linkType, 0, start);
		return true;
	}

	private void fill(CaptureRecord r, byte[] b, int off, int cap, int orig, long ts, int link, int ifId, long start) {
		if (r.data != b) {
			r.data = b; // the buffer changes once per chunk; an unchanged store would
						// still pay G1's barrier
		}
		r.offset = off;
		r.length = cap;
		r.originalLength = orig;
		r.timestampNanos = ts;
		r.linkType = link;
		r.interfaceId = ifId;
		r.fileOffset = start;
		r.frameNumber = ++frames;
	}

	private String readError(String what) {
		return in.error() == null ? what : what + " (" + in.error().getMessage() + ")";
	}

	@Override
	public Damage damage() {
		return damage;
	}

	@Override
	public String format() {
		return "pcapng";
	}

	@Override
	public Set<Integer> linkTypes() {
		return linkTypes;
	}

}
