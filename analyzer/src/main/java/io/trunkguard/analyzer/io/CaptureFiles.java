package io.trunkguard.analyzer.io;

import java.io.InputStream;
import java.util.Set;

/** Recognises a capture format by its magic number and returns the matching reader. */
public final class CaptureFiles {

	private CaptureFiles() {
	}

	/**
	 * Opens a reader over an (already decompressed) capture stream. Never throws: an
	 * empty or unrecognised stream yields a reader whose {@link CaptureReader#damage()}
	 * explains why.
	 */
	public static CaptureReader open(InputStream decompressed) {
		ByteInput in = new ByteInput(decompressed, 1 << 20);
		int have = in.ensure(24);
		if (have == 0) {
			return new Failed(new Damage(0,
					in.error() != null ? "unreadable: " + in.error().getMessage() : "empty file: no capture header"));
		}
		if (have >= 4) {
			int magic = Bytes.int32(in.buf, in.pos);
			if (magic == PcapngReader.SHB) {
				return have >= 12 ? new PcapngReader(in) : new Failed(new Damage(0, "truncated pcapng section header"));
			}
			boolean known = true;
			boolean big = false;
			boolean nanos = false;
			switch (magic) {
				case 0xA1B2C3D4 -> big = true;
				case 0xD4C3B2A1 -> big = false;
				case 0xA1B23C4D -> {
					big = true;
					nanos = true;
				}
				case 0x4D3CB2A1 -> nanos = true;
				default -> known = false;
			}
			if (known) {
				return have >= 24 ? new PcapReader(in, big, nanos)
						: new Failed(new Damage(0, "truncated pcap file header: " + have + " of 24 bytes"));
			}
		}
		return new Failed(new Damage(0, "not a capture file: no pcap, pcapng or gzip magic number"));
	}

	/** True for the gzip magic 1f 8b. */
	public static boolean isGzip(byte[] b, int len) {
		return len >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
	}

	private record Failed(Damage damage) implements CaptureReader {
		@Override
		public boolean next(CaptureRecord record) {
			return false;
		}

		@Override
		public String format() {
			return "unknown";
		}

		@Override
		public Set<Integer> linkTypes() {
			return Set.of();
		}
	}

}
