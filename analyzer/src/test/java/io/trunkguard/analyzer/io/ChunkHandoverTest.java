package io.trunkguard.analyzer.io;

import io.trunkguard.analyzer.decode.LinkTypes;
import io.trunkguard.analyzer.testing.CaptureWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader thread's chunks are framed in place (no copy): records cut at a chunk
 * boundary, records longer than the headroom in front of a chunk and records longer than
 * a whole chunk must come out exactly as from a plain stream, with the same file offsets
 * and the same damage.
 */
class ChunkHandoverTest {

	record Rec(long frame, long fileOffset, int length, int hash) {
	}

	static List<Rec> read(CaptureReader r) {
		List<Rec> out = new ArrayList<>();
		CaptureRecord rec = new CaptureRecord();
		while (r.next(rec)) {
			int h = Arrays.hashCode(Arrays.copyOfRange(rec.data, rec.offset, rec.offset + rec.length));
			out.add(new Rec(rec.frameNumber, rec.fileOffset, rec.length, h));
		}
		return out;
	}

	static byte[] capture(ByteOrder order, boolean pcapng) {
		Random random = new Random(7);
		CaptureWriter w = CaptureWriter.linkType(LinkTypes.ETHERNET);
		int[] sizes = { 60, 1500, 200 * 1024, 70_000, 3 * 1024 * 1024, 9000, 131_000, 64, 600 * 1024 };
		long ts = CaptureReaderTest.T0;
		for (int i = 0; i < 90; i++) {
			int size = pcapng ? sizes[i % sizes.length] : Math.min(sizes[i % sizes.length], 262_000); // pcap:
																										// 256
																										// KB
																										// at
																										// most
			byte[] data = new byte[size + random.nextInt(7)];
			random.nextBytes(data);
			w.add(ts += 1000, data);
		}
		return pcapng ? w.pcapng(order) : w.pcap(order, false);
	}

	static PrefetchingInput prefetching(byte[] file) {
		return new PrefetchingInput(new ByteArrayInputStream(file), null);
	}

	@Test
	void framesRecordsAcrossChunkBoundariesAsAPlainStreamDoes() {
		for (boolean pcapng : new boolean[] { true, false }) {
			byte[] file = capture(ByteOrder.LITTLE_ENDIAN, pcapng);
			List<Rec> plain = read(CaptureFiles.open(new ByteArrayInputStream(file)));
			PrefetchingInput in = prefetching(file);
			List<Rec> chunked = read(CaptureFiles.open(in));
			in.finish();
			assertThat(plain).hasSize(90);
			assertThat(chunked).isEqualTo(plain);
			assertThat(in.rawBytes()).isEqualTo(file.length);
		}
	}

	@Test
	void reportsTheSameDamageOffsetForATruncatedFile() {
		byte[] file = capture(ByteOrder.BIG_ENDIAN, true);
		byte[] cut = Arrays.copyOf(file, file.length * 2 / 3);
		CaptureReader plainReader = CaptureFiles.open(new ByteArrayInputStream(cut));
		List<Rec> plain = read(plainReader);
		PrefetchingInput in = prefetching(cut);
		CaptureReader chunkedReader = CaptureFiles.open(in);
		List<Rec> chunked = read(chunkedReader);
		in.finish();
		assertThat(chunked).isEqualTo(plain);
		assertThat(plainReader.damage()).isNotNull();
		assertThat(chunkedReader.damage()).isEqualTo(plainReader.damage());
	}

}
