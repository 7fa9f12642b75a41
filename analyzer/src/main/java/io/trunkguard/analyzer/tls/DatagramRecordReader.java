package io.trunkguard.analyzer.tls;

import static io.trunkguard.analyzer.tls.TlsRecords.CT_CCS;

/**
 * Frames the DTLS records of one datagram: DTLS 1.0/1.2 records (13-byte header with
 * epoch and sequence number) and DTLS 1.3 unified-header records, which are always
 * protected. Stops at the first record that does not fit.
 */
final class DatagramRecordReader {

	/** Receives the records of a datagram. */
	interface Sink {

		/** A DTLS 1.3 record (unified header): protected, opaque. */
		void protectedRecord(long frame);

		/**
		 * A DTLS 1.0/1.2 record; {@code sequence} is the epoch and the 48-bit sequence
		 * number (epoch in the top 16 bits).
		 */
		void record(int type, int version, int epoch, long sequence, byte[] b, int off, int len, long frame);

		void damage(String what, long frame);

	}

	private DatagramRecordReader() {
	}

	static void read(byte[] b, int off, int len, long frame, Sink sink) {
		int p = off;
		int end = off + len;
		while (p < end) {
			int first = b[p] & 0xff;
			if ((first & 0xe0) == 0x20) { // DTLS 1.3 unified header: always protected
				int hdr = 1;
				if ((first & 0x10) != 0) {
					return; // connection id of unknown length: cannot frame further
				}
				hdr += (first & 0x08) != 0 ? 2 : 1;
				int recLen;
				if ((first & 0x04) != 0) {
					if (end - p < hdr + 2) {
						sink.damage("truncated DTLS 1.3 record header", frame);
						return;
					}
					recLen = Wire.u16(b, p + hdr);
					hdr += 2;
				}
				else {
					recLen = end - p - hdr;
				}
				if (recLen < 0 || end - p < hdr + recLen) {
					sink.damage("DTLS 1.3 record length " + recLen + " beyond the datagram", frame);
					return;
				}
				sink.protectedRecord(frame);
				p += hdr + recLen;
				continue;
			}
			if (end - p < 13) {
				sink.damage("truncated DTLS record header (" + (end - p) + " bytes)", frame);
				return;
			}
			int type = first;
			int version = Wire.u16(b, p + 1);
			int epoch = Wire.u16(b, p + 3);
			int recLen = Wire.u16(b, p + 11);
			if (type < CT_CCS || type > 25 || (version >> 8) != 0xfe) {
				sink.damage(String.format("not a DTLS record (type %d, version 0x%04x)", type, version), frame);
				return;
			}
			if (end - p - 13 < recLen) {
				sink.damage("DTLS record length " + recLen + " beyond the datagram (" + (end - p - 13) + " bytes left)",
						frame);
				return;
			}
			long sequence = (long) epoch << 48 | (long) Wire.u16(b, p + 5) << 32
					| ((long) Wire.u16(b, p + 7) << 16 | Wire.u16(b, p + 9));
			sink.record(type, version, epoch, sequence, b, p + 13, recLen, frame);
			p += 13 + recLen;
		}
	}

}
