package io.trunkguard.analyzer.io;

import java.util.Set;

/** Classic libpcap format, both byte orders, microsecond and nanosecond magic. */
final class PcapReader implements CaptureReader {

	static final int MAX_RECORD = 16 * 1024 * 1024;

	private final ByteInput in;

	private final boolean bigEndian;

	private final boolean nanos;

	private final int linkType;

	private final int snapLen;

	private long frames;

	private Damage damage;

	PcapReader(ByteInput in, boolean bigEndian, boolean nanos) {
		this.in = in;
		this.bigEndian = bigEndian;
		this.nanos = nanos;
		// header already ensured by the sniffer
		this.snapLen = Bytes.int32(in.buf, in.pos + 16, bigEndian);
		this.linkType = Bytes.int32(in.buf, in.pos + 20, bigEndian) & 0x0FFFFFFF;
		in.skip(24);
	}

	@Override
	public boolean next(CaptureRecord r) {
		if (damage != null) {
			return false;
		}
		long start = in.offset();
		int have = in.ensure(16);
		if (have == 0) {
			if (in.error() != null) {
				damage = new Damage(start, "stream ended with a read error: " + in.error().getMessage());
			}
			return false;
		}
		if (have < 16) {
			damage = new Damage(start, readError("truncated record header: " + have + " of 16 bytes"));
			return false;
		}
		byte[] b = in.buf;
		int p = in.pos;
		long sec = Bytes.int32(b, p, bigEndian) & 0xFFFFFFFFL;
		long frac = Bytes.int32(b, p + 4, bigEndian) & 0xFFFFFFFFL;
		int incl = Bytes.int32(b, p + 8, bigEndian);
		int orig = Bytes.int32(b, p + 12, bigEndian);
		int limit = Math.max(Math.max(snapLen, 262_144), 0);
		if (incl < 0 || incl > Math.min(limit, MAX_RECORD)) {
			damage = new Damage(start,
					"impossible record length " + Integer.toUnsignedString(incl) + " (snap length " + snapLen + ")");
			return false;
		}
		if (frac >= (nanos ? 1_000_000_000L : 1_000_000L)) {
			damage = new Damage(start, "impossible timestamp fraction " + frac + " in record header");
			return false;
		}
		if (orig < 0) {
			damage = new Damage(start, "impossible original length " + Integer.toUnsignedString(orig));
			return false;
		}
		in.skip(16);
		int got = in.ensure(incl);
		if (got < incl) {
			damage = new Damage(start, readError("truncated record: " + got + " of " + incl + " bytes"));
			return false;
		}
		r.data = in.buf;
		r.offset = in.pos;
		r.length = incl;
		r.originalLength = Math.max(orig, incl);
		r.timestampNanos = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
		r.linkType = linkType;
		r.interfaceId = 0;
		r.fileOffset = start;
		r.frameNumber = ++frames;
		in.skip(incl);
		return true;
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
		return nanos ? "pcap-ns" : "pcap";
	}

	@Override
	public Set<Integer> linkTypes() {
		return Set.of(linkType);
	}

}
