package io.trunkguard.analyzer.io;

import io.trunkguard.analyzer.decode.LinkTypes;
import io.trunkguard.analyzer.testing.CaptureWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureReaderTest {

	static final long T0 = 1_700_000_000_123_456_789L;

	record Seen(long frame, long ts, int linkType, int length, byte first) {
	}

	static List<Seen> readAll(CaptureReader r) {
		List<Seen> out = new ArrayList<>();
		CaptureRecord rec = new CaptureRecord();
		while (r.next(rec)) {
			out.add(new Seen(rec.frameNumber, rec.timestampNanos, rec.linkType, rec.length, rec.data[rec.offset]));
		}
		return out;
	}

	static CaptureReader open(byte[] file) {
		return CaptureFiles.open(new ByteArrayInputStream(file));
	}

	@Test
	void readsLittleEndianMicrosecondPcap() {
		byte[] file = CaptureWriter.linkType(LinkTypes.ETHERNET)
			.add(T0, new byte[] { 1, 2, 3 })
			.add(T0 + 1_000_000, new byte[60])
			.pcap(ByteOrder.LITTLE_ENDIAN, false);
		CaptureReader r = open(file);
		List<Seen> seen = readAll(r);
		assertThat(r.format()).isEqualTo("pcap");
		assertThat(r.damage()).isNull();
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isEqualTo(new Seen(1, 1_700_000_000_123_456_000L, 1, 3, (byte) 1));
		assertThat(seen.get(1).ts()).isEqualTo(1_700_000_000_124_456_000L);
	}

	@Test
	void readsBigEndianNanosecondPcap() {
		byte[] file = CaptureWriter.linkType(LinkTypes.RAW)
			.add(T0, new byte[] { 0x45 })
			.pcap(ByteOrder.BIG_ENDIAN, true);
		CaptureReader r = open(file);
		assertThat(readAll(r)).containsExactly(new Seen(1, T0, LinkTypes.RAW, 1, (byte) 0x45));
		assertThat(r.format()).isEqualTo("pcap-ns");
	}

	@Test
	void readsPcapngWithInterfacesOfDifferentLinkTypesAndResolutions() {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			byte[] file = new CaptureWriter().iface(LinkTypes.ETHERNET, 6)
				.iface(LinkTypes.LINUX_SLL2, 9)
				.add(0, T0, new byte[] { 9, 9, 9, 9, 9 })
				.add(1, T0, new byte[] { 7 })
				.pcapng(order);
			CaptureReader r = open(file);
			List<Seen> seen = readAll(r);
			assertThat(r.damage()).isNull();
			assertThat(seen).containsExactly(new Seen(1, 1_700_000_000_123_456_000L, LinkTypes.ETHERNET, 5, (byte) 9),
					new Seen(2, T0, LinkTypes.LINUX_SLL2, 1, (byte) 7));
			assertThat(r.linkTypes()).containsExactly(LinkTypes.ETHERNET, LinkTypes.LINUX_SLL2);
		}
	}

	@Test
	void readsSimpleAndObsoletePacketBlocks() {
		byte[] base = new CaptureWriter().iface(LinkTypes.RAW, 6).pcapng(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer spb = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
		spb.putInt(3).putInt(20).putInt(3).put(new byte[] { 0x45, 1, 2, 0 }).putInt(20);
		ByteBuffer opb = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
		opb.putShort((short) 0).putShort((short) 0);
		opb.clear();
		opb.putInt(2)
			.putInt(36)
			.putShort((short) 0)
			.putShort((short) 0)
			.putInt(0)
			.putInt(1_000_000)
			.putInt(2)
			.putInt(2)
			.put(new byte[] { 0x60, 0, 0, 0 })
			.putInt(36);
		byte[] file = concat(base, spb.array(), opb.array());
		CaptureReader r = open(file);
		List<Seen> seen = readAll(r);
		assertThat(r.damage()).isNull();
		assertThat(seen).containsExactly(new Seen(1, 0, LinkTypes.RAW, 3, (byte) 0x45),
				new Seen(2, 1_000_000_000L, LinkTypes.RAW, 2, (byte) 0x60));
	}

	@Test
	void stopsAtImpossibleRecordLengthWithItsOffset() {
		byte[] good = CaptureWriter.linkType(1).add(T0, new byte[40]).pcap();
		byte[] bad = ByteBuffer.allocate(16)
			.order(ByteOrder.LITTLE_ENDIAN)
			.putInt(1)
			.putInt(0)
			.putInt(0x7FFFFFF0)
			.putInt(10)
			.array();
		CaptureReader r = open(concat(good, bad, new byte[100]));
		assertThat(readAll(r)).hasSize(1);
		assertThat(r.damage().offset()).isEqualTo(good.length);
		assertThat(r.damage().description()).contains("impossible record length");
	}

	@Test
	void stopsAtPcapngBlockWhoseTrailerDisagrees() {
		byte[] file = new CaptureWriter().iface(1, 6)
			.add(0, T0, new byte[8])
			.add(0, T0, new byte[8])
			.pcapng(ByteOrder.LITTLE_ENDIAN);
		int secondBlock = file.length - 40;
		file[file.length - 4] = 99;
		CaptureReader r = open(file);
		assertThat(readAll(r)).hasSize(1);
		assertThat(r.damage().offset()).isEqualTo(secondBlock);
	}

	@Test
	void rejectsNonCaptureAndEmptyInput() {
		CaptureReader text = open("hello, this is not a capture file at all".getBytes());
		assertThat(readAll(text)).isEmpty();
		assertThat(text.damage()).isEqualTo(new Damage(0, "not a capture file: no pcap, pcapng or gzip magic number"));
		CaptureReader empty = open(new byte[0]);
		assertThat(empty.damage().description()).contains("empty");
	}

	static byte[] concat(byte[]... parts) {
		int n = 0;
		for (byte[] p : parts) {
			n += p.length;
		}
		byte[] out = new byte[n];
		int o = 0;
		for (byte[] p : parts) {
			System.arraycopy(p, 0, out, o, p.length);
			o += p.length;
		}
		return out;
	}

}
