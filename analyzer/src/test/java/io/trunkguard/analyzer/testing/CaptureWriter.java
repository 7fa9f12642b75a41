package io.trunkguard.analyzer.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pcap (either byte order, µs or ns) and pcapng (several interfaces) files for
 * tests.
 */
public final class CaptureWriter {

	/** One packet: interface, timestamp and frame bytes. */
	public record Frame(int iface, long timestampNanos, byte[] data) {
	}

	private final List<Frame> frames = new ArrayList<>();

	private final List<Integer> linkTypes = new ArrayList<>();

	private final List<Integer> resolutions = new ArrayList<>();

	public static CaptureWriter linkType(int linkType) {
		return new CaptureWriter().iface(linkType, 6);
	}

	/**
	 * Adds an interface with link type and if_tsresol (power of ten, or 0x80|n for 2^-n).
	 */
	public CaptureWriter iface(int linkType, int tsresol) {
		linkTypes.add(linkType);
		resolutions.add(tsresol);
		return this;
	}

	public CaptureWriter add(long tsNanos, byte[] data) {
		return add(0, tsNanos, data);
	}

	public CaptureWriter add(int iface, long tsNanos, byte[] data) {
		frames.add(new Frame(iface, tsNanos, data));
		return this;
	}

	public byte[] pcap(ByteOrder order, boolean nanos) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer h = ByteBuffer.allocate(24).order(order);
		h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4)
			.putShort((short) 2)
			.putShort((short) 4)
			.putInt(0)
			.putInt(0)
			.putInt(262144)
			.putInt(linkTypes.get(0));
		out.writeBytes(h.array());
		for (Frame f : frames) {
			ByteBuffer r = ByteBuffer.allocate(16).order(order);
			long sec = f.timestampNanos / 1_000_000_000L;
			long frac = f.timestampNanos % 1_000_000_000L;
			r.putInt((int) sec).putInt((int) (nanos ? frac : frac / 1000)).putInt(f.data.length).putInt(f.data.length);
			out.writeBytes(r.array());
			out.writeBytes(f.data);
		}
		return out.toByteArray();
	}

	public byte[] pcap() {
		return pcap(ByteOrder.LITTLE_ENDIAN, false);
	}

	public byte[] pcapng(ByteOrder order) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer shb = ByteBuffer.allocate(28).order(order);
		shb.putInt(0x0A0D0D0A)
			.putInt(28)
			.putInt(0x1A2B3C4D)
			.putShort((short) 1)
			.putShort((short) 0)
			.putLong(-1)
			.putInt(28);
		out.writeBytes(shb.array());
		for (int i = 0; i < linkTypes.size(); i++) {
			ByteBuffer idb = ByteBuffer.allocate(32).order(order);
			idb.putInt(1).putInt(32).putShort((short) (int) linkTypes.get(i)).putShort((short) 0).putInt(262144);
			idb.putShort((short) 9).putShort((short) 1).put((byte) (int) resolutions.get(i)).put(new byte[3]);
			idb.putShort((short) 0).putShort((short) 0);
			idb.putInt(32);
			out.writeBytes(idb.array());
		}
		for (Frame f : frames) {
			int res = resolutions.get(f.iface);
			long units;
			if ((res & 0x80) == 0) {
				units = res >= 9 ? f.timestampNanos * (long) Math.pow(10, res - 9)
						: f.timestampNanos / (long) Math.pow(10, 9 - res);
			}
			else {
				units = (long) (f.timestampNanos / 1e9 * Math.pow(2, res & 0x7F));
			}
			int padded = (f.data.length + 3) & ~3;
			int total = 32 + padded;
			ByteBuffer epb = ByteBuffer.allocate(total).order(order);
			epb.putInt(6)
				.putInt(total)
				.putInt(f.iface)
				.putInt((int) (units >>> 32))
				.putInt((int) units)
				.putInt(f.data.length)
				.putInt(f.data.length)
				.put(f.data);
			epb.position(28 + padded);
			epb.putInt(total);
			out.writeBytes(epb.array());
		}
		return out.toByteArray();
	}

}
