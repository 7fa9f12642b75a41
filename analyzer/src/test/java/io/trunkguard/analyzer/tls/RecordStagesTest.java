package io.trunkguard.analyzer.tls;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record stages of a TLS connection, each alone: stream framing, datagram framing,
 * handshake assembly (stream) and fragment reassembly (DTLS), the replay window.
 */
class RecordStagesTest {

	static byte[] record(int type, int len, int fill) {
		byte[] r = new byte[5 + len];
		r[0] = (byte) type;
		r[1] = 3;
		r[2] = 3;
		r[3] = (byte) (len >> 8);
		r[4] = (byte) len;
		for (int i = 5; i < r.length; i++) {
			r[i] = (byte) fill;
		}
		return r;
	}

	static final class Collect implements StreamRecordReader.Sink, StreamHandshakeAssembler.Sink,
			DtlsHandshakeReassembler.Sink, DatagramRecordReader.Sink {

		final List<String> seen = new ArrayList<>();

		@Override
		public void record(byte[] b, int off, int len, long frame) {
			seen.add("record " + (b[off] & 0xff) + " " + len + " @" + frame);
		}

		@Override
		public void message(int type, byte[] b, int off, int len, long frame) {
			seen.add("message " + type + " " + len + " first " + (len > 0 ? b[off] : -1));
		}

		@Override
		public void protectedRecord(long frame) {
			seen.add("dtls13 @" + frame);
		}

		@Override
		public void record(int type, int version, int epoch, long sequence, byte[] b, int off, int len, long frame) {
			seen.add("dtls " + type + " epoch " + epoch + " seq " + (sequence & 0xffffffffffffL) + " len " + len);
		}

		@Override
		public void damage(String what, long frame) {
			seen.add("damage " + what);
		}

	}

	@Test
	void framesRecordsWhateverTheChunking() {
		Collect c = new Collect();
		StreamRecordReader r = new StreamRecordReader(c);
		byte[] both = concat(record(22, 40, 1), record(23, 300, 2));
		for (int i = 0; i < both.length; i += 7) {
			r.feed(both, i, Math.min(7, both.length - i), i / 7 + 1);
		}
		assertThat(c.seen).containsExactly("record 22 45 @7", "record 23 305 @50");
		assertThat(r.records).isEqualTo(2);
		assertThat(r.offset).isEqualTo(both.length);
	}

	@Test
	void findsTheFirstRecordBoundaryWhenTheStreamStartsMidRecord() {
		Collect c = new Collect();
		StreamRecordReader r = new StreamRecordReader(c);
		byte[] tail = new byte[37];
		java.util.Arrays.fill(tail, (byte) 0x99);
		byte[] bytes = concat(tail, record(23, 50, 3), record(23, 60, 4), record(23, 10, 5));
		r.feed(bytes, 0, bytes.length, 1);
		assertThat(r.skipped).isEqualTo(37);
		assertThat(c.seen).containsExactly("record 23 55 @1", "record 23 65 @1", "record 23 15 @1");
	}

	@Test
	void stopsAtABadHeaderAfterGoodRecords() {
		Collect c = new Collect();
		StreamRecordReader r = new StreamRecordReader(c);
		byte[] bytes = concat(record(22, 10, 1), new byte[] { 99, 3, 3, 0, 1, 0 });
		r.feed(bytes, 0, bytes.length, 4);
		assertThat(r.dead).isTrue();
		assertThat(c.seen).containsExactly("record 22 15 @4",
				"damage not a TLS record (content type 99) at stream offset 15");
	}

	@Test
	void resumesAfterAGapAtTheNextRecordBoundary() {
		Collect c = new Collect();
		StreamRecordReader r = new StreamRecordReader(c);
		byte[] first = record(23, 100, 1);
		r.feed(first, 0, 60, 1); // the rest of this record is lost
		r.gap(2);
		byte[] after = concat(java.util.Arrays.copyOfRange(record(23, 100, 7), 20, 105), record(23, 30, 8),
				record(23, 30, 9));
		r.feed(after, 0, after.length, 3);
		assertThat(r.dead).isFalse();
		assertThat(c.seen).containsExactly("record 23 35 @3", "record 23 35 @3");
	}

	@Test
	void cutsHandshakeMessagesAcrossAndWithinRecords() {
		Collect c = new Collect();
		StreamHandshakeAssembler a = new StreamHandshakeAssembler();
		byte[] msgs = { 1, 0, 0, 3, 10, 11, 12, 2, 0, 0, 2, 20, 21 };
		a.append(msgs, 0, 5, 1, 0, c);
		a.append(msgs, 5, msgs.length - 5, 2, 0, c);
		assertThat(c.seen).containsExactly("message 1 3 first 10", "message 2 2 first 20");
	}

	@Test
	void refusesAHandshakeMessageLongerThanTheLimit() {
		Collect c = new Collect();
		StreamHandshakeAssembler a = new StreamHandshakeAssembler();
		a.append(new byte[] { 11, 0x7f, 0, 0 }, 0, 4, 9, 123, c);
		assertThat(c.seen).singleElement().asString().contains("exceeds").contains("stream offset 123");
	}

	@Test
	void reassemblesDtlsFragmentsInAnyOrderAndIgnoresRetransmissions() {
		Collect c = new Collect();
		DtlsHandshakeReassembler r = new DtlsHandshakeReassembler();
		byte[] second = fragment(11, 6, 0, 3, 3, new byte[] { 4, 5, 6 });
		byte[] first = fragment(11, 6, 0, 0, 3, new byte[] { 1, 2, 3 });
		r.onRecord(second, 0, second.length, 1, c);
		assertThat(c.seen).isEmpty();
		r.onRecord(first, 0, first.length, 2, c);
		r.onRecord(first, 0, first.length, 3, c);
		assertThat(c.seen).containsExactly("message 11 6 first 1");
	}

	@Test
	void framesDtlsRecordsOfADatagram() {
		Collect c = new Collect();
		byte[] rec = new byte[13 + 4];
		rec[0] = 22;
		rec[1] = (byte) 0xfe;
		rec[2] = (byte) 0xfd;
		rec[4] = 0; // epoch 0
		rec[10] = 7; // sequence 7
		rec[12] = 4;
		byte[] two = concat(rec, rec);
		DatagramRecordReader.read(two, 0, two.length, 5, c);
		DatagramRecordReader.read(two, 0, 20, 6, c);
		assertThat(c.seen).containsExactly("dtls 22 epoch 0 seq 7 len 4", "dtls 22 epoch 0 seq 7 len 4",
				"dtls 22 epoch 0 seq 7 len 4", "damage truncated DTLS record header (3 bytes)");
	}

	@Test
	void remembersTheLast64RecordSequenceNumbers() {
		ReplayWindow w = new ReplayWindow();
		assertThat(w.seen(5)).isFalse();
		w.mark(5);
		w.mark(70);
		assertThat(w.seen(5)).isTrue(); // too old: treated as seen
		assertThat(w.seen(70)).isTrue();
		assertThat(w.seen(69)).isFalse();
		w.mark(69);
		assertThat(w.seen(69)).isTrue();
		assertThat(w.seen(71)).isFalse();
	}

	static byte[] fragment(int type, int msgLen, int seq, int off, int len, byte[] data) {
		byte[] f = new byte[12 + data.length];
		f[0] = (byte) type;
		f[3] = (byte) msgLen;
		f[5] = (byte) seq;
		f[8] = (byte) off;
		f[11] = (byte) len;
		System.arraycopy(data, 0, f, 12, data.length);
		return f;
	}

	static byte[] concat(byte[]... parts) {
		int n = 0;
		for (byte[] p : parts) {
			n += p.length;
		}
		byte[] out = new byte[n];
		int at = 0;
		for (byte[] p : parts) {
			System.arraycopy(p, 0, out, at, p.length);
			at += p.length;
		}
		return out;
	}

}
