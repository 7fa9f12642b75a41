package io.trunkguard.analyzer.tls;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one TLS connection (stream) or one DTLS association (datagrams): record layer
 * with any chunking, handshake messages split across or coalesced in records (DTLS
 * fragments reassembled), ClientHello/ServerHello/Certificate/EncryptedExtensions facts,
 * alerts, and, given a key log, decryption of TLS 1.0-1.3 and DTLS 1.0/1.2 records
 * (AES-GCM, AES-CCM, ChaCha20-Poly1305, AES/3DES-CBC with either MAC order, RC4, NULL).
 *
 * <p>
 * Never throws on bad bytes: damage is recorded in {@link TlsFacts#damage()} (side,
 * stream offset counted in bytes handed to this parser, frame) and parsing of that
 * direction stops. A direction whose first bytes are mid-record (capture started on a
 * live connection) is searched for its first record boundary instead
 * ({@link #skippedBytes}); {@link #onStreamGap} does the same after lost segments.
 * Buffers are bounded: one record and one handshake message (256 KB at most) per
 * direction. Not thread-safe: feed one connection from one thread.
 */
public final class TlsConnection {

	/** Largest TLSCiphertext fragment allowed by RFC 5246 (2^14 + 2048). */
	static final int MAX_FRAGMENT = 16384 + 2048;

	/** Largest handshake message kept (certificate chains included). */
	static final int MAX_HANDSHAKE = 1 << 18;

	/**
	 * Bytes searched for a first record boundary before a direction is declared not TLS.
	 */
	static final int RESYNC_LIMIT = 2 * (5 + MAX_FRAGMENT);

	/** Records that may be lost in a gap and still be skipped by decryption. */
	static final int MAX_LOST_RECORDS = 256;

	/**
	 * Window in which a record boundary is searched (per direction, only while
	 * searching).
	 */
	static final int SEARCH_WINDOW = 4096;

	/** Largest number of DTLS handshake messages reassembled at once per direction. */
	static final int MAX_DTLS_PARTIALS = 16;

	static final int CT_CCS = 20;
	static final int CT_ALERT = 21;
	static final int CT_HANDSHAKE = 22;
	static final int CT_APPLICATION = 23;
	static final int CT_HEARTBEAT = 24;

	private static final byte[] EMPTY = new byte[0];

	private static final byte[] HRR_RANDOM = hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

	private final boolean datagram;

	private final KeyLog keyLog;

	private PlaintextListener listener;

	private final Direction[] dirs = { new Direction(Side.A), new Direction(Side.B) };

	private Side clientSide;

	private int serverLegacyVersion;

	private int selectedVersion;

	private int suite = -1;

	private String serverName;

	private List<String> alpnOffered = List.of();

	private List<String> alpnSelected;

	private List<Integer> offeredVersions = List.of();

	private List<Integer> srtpOffered = List.of();

	private List<Integer> srtpSelected;

	private List<CertificateFacts> certificates = List.of();

	private List<CertificateFacts> clientCertificates = List.of();

	private List<Integer> offeredSuites = List.of();

	private List<Integer> keyShareGroups = List.of();

	private int selectedGroup = -1;

	private boolean decrypted;

	private String alert;

	private long clientHelloFrame;

	private long serverHelloFrame;

	private long certificateFrame;

	private String damage;

	private int damageCount;

	private String decryptionProblem;

	private byte[] clientRandom;

	private byte[] serverRandom;

	private boolean encryptThenMac;

	private TlsConnection(boolean datagram, KeyLog keyLog) {
		this.datagram = datagram;
		this.keyLog = keyLog;
	}

	/** TLS over TCP. */
	public static TlsConnection stream(KeyLog keyLogOrNull) {
		return new TlsConnection(false, keyLogOrNull);
	}

	/** DTLS over UDP. */
	public static TlsConnection datagram(KeyLog keyLogOrNull) {
		return new TlsConnection(true, keyLogOrNull);
	}

	/**
	 * Receives decrypted application data (in order, per side) when a key log matches,
	 * and the application data of NULL-cipher suites, which is plaintext on the wire,
	 * even without one ({@link TlsFacts#decrypted()} stays false then: nothing was
	 * decrypted).
	 */
	public void setPlaintextListener(PlaintextListener listener) {
		this.listener = listener;
	}

	// ------------------------------------------------------------------ stream (TLS)

	/**
	 * In-order reassembled TCP bytes of one direction (stream mode). May be called with
	 * any chunking.
	 */
	public void onStreamData(Side side, byte[] buf, int off, int len, long frameNumber) {
		if (side == null || buf == null || off < 0 || len < 0 || off > buf.length - len) {
			damage("invalid buffer arguments", null, frameNumber);
			return;
		}
		Direction d = dirs[side.ordinal()];
		if (d.dead || len == 0) {
			return;
		}
		try {
			feedStream(d, buf, off, len, frameNumber);
		}
		catch (RuntimeException e) {
			d.dead = true;
			damage("parser error " + e.getClass().getSimpleName() + " at stream offset " + d.offset, d, frameNumber);
		}
	}

	/**
	 * Tells the parser that bytes of one direction are missing (a TCP gap the reassembly
	 * could not fill). The partial record and handshake message are dropped, framing
	 * resumes at the next record boundary found, and decryption retries the following
	 * record sequence numbers to skip the records that were lost (AEAD and TLS 1.1+ CBC
	 * suites; not RC4 or TLS 1.0 CBC).
	 */
	public void onStreamGap(Side side, long frameNumber) {
		if (side == null) {
			return;
		}
		Direction d = dirs[side.ordinal()];
		if (d.dead) {
			return;
		}
		d.recLen = 0;
		d.hsLen = 0;
		d.afterGap = true;
		d.tentative = false;
		d.held = null;
		d.searching = true;
		d.win = null;
		d.winLen = 0;
		d.seqUncertain = true;
		d.skippedSinceSync = 0;
		d.lastGap = "stream offset " + d.offset + (frameNumber > 0 ? " (frame " + frameNumber + ")" : "");
	}

	private void feedStream(Direction d, byte[] buf, int off, int len, long frame) {
		byte[] cur = buf;
		int p = off;
		int end = off + len;
		// when a record boundary is found while searching, the window's bytes from there
		// plus the rest
		// of the chunk become the bytes to frame: no recursion, no unbounded buffering
		while (p < end && !d.dead) {
			if (d.searching) {
				if (d.win == null) {
					d.win = new byte[SEARCH_WINDOW];
				}
				int n = Math.min(d.win.length - d.winLen, end - p);
				System.arraycopy(cur, p, d.win, d.winLen, n);
				d.winLen += n;
				p += n;
				int q = findRecordStart(d.win, 0, d.winLen);
				if (q < 0) {
					int keep = Math.min(4, d.winLen);
					int drop = d.winLen - keep;
					System.arraycopy(d.win, drop, d.win, 0, keep);
					d.winLen = keep;
					if (!skip(d, drop, frame)) {
						return;
					}
					continue;
				}
				if (!skip(d, q, frame)) {
					return;
				}
				byte[] replay = new byte[d.winLen - q + (end - p)];
				System.arraycopy(d.win, q, replay, 0, d.winLen - q);
				System.arraycopy(cur, p, replay, d.winLen - q, end - p);
				d.winLen = 0;
				d.win = null;
				d.searching = false;
				d.tentative = true;
				cur = replay;
				p = 0;
				end = replay.length;
				continue;
			}
			if (d.recLen == 0 && end - p >= 5) {
				int fragLen = Wire.u16(cur, p + 3);
				if (!validHeader(d, cur, p, frame)) {
					continue; // searching for a record boundary from here, or dead
				}
				if (end - p >= 5 + fragLen) {
					record(d, cur, p, 5 + fragLen, frame);
					d.offset += 5 + fragLen;
					p += 5 + fragLen;
					continue;
				}
				d.ensureRecordCapacity(5 + fragLen);
				System.arraycopy(cur, p, d.rec, 0, end - p);
				d.recLen = end - p;
				p = end;
				continue;
			}
			if (d.recLen < 5) {
				d.ensureRecordCapacity(5);
				int n = Math.min(5 - d.recLen, end - p);
				System.arraycopy(cur, p, d.rec, d.recLen, n);
				d.recLen += n;
				p += n;
				if (d.recLen < 5) {
					continue;
				}
				if (!validHeader(d, d.rec, 0, frame)) {
					int bad = d.recLen; // the bad header's bytes; searching resumes after
										// them
					d.recLen = 0;
					if (d.searching && !skip(d, bad, frame)) {
						return;
					}
					continue;
				}
			}
			int total = 5 + Wire.u16(d.rec, 3);
			d.ensureRecordCapacity(total);
			int n = Math.min(total - d.recLen, end - p);
			System.arraycopy(cur, p, d.rec, d.recLen, n);
			d.recLen += n;
			p += n;
			if (d.recLen == total) {
				d.recLen = 0;
				record(d, d.rec, 0, total, frame);
				d.offset += total;
				d.releaseLargeRecordBuffer();
			}
		}
	}

	/**
	 * Counts bytes skipped while searching for a record boundary; false (and damage) past
	 * the limit.
	 */
	private boolean skip(Direction d, int n, long frame) {
		d.skipped += n;
		d.offset += n;
		d.skippedSinceSync += n;
		if (d.skippedSinceSync > RESYNC_LIMIT) {
			d.dead = true;
			d.win = null;
			damage(d.afterGap
					? "no TLS record boundary within " + d.skippedSinceSync + " bytes after the gap at " + d.lastGap
					: "no TLS record boundary in the first " + d.skippedSinceSync + " bytes (" + d.firstProblem + ")",
					d, frame);
			return false;
		}
		return true;
	}

	/**
	 * Checks a record header. A bad one before any record of the direction was read
	 * starts a search for the first record boundary (the capture began mid-record); later
	 * it is damage and stops the direction.
	 */
	private boolean validHeader(Direction d, byte[] b, int p, long frame) {
		int type = b[p] & 0xff;
		int version = Wire.u16(b, p + 1);
		int fragLen = Wire.u16(b, p + 3);
		String problem = null;
		if (type < CT_CCS || type > CT_HEARTBEAT) {
			problem = "not a TLS record (content type " + type + ")";
		}
		else if ((version >> 8) != 3 || (version & 0xff) > 4) {
			problem = String.format("not a TLS record (version 0x%04x)", version);
		}
		else if (fragLen > MAX_FRAGMENT) {
			problem = "record length " + fragLen + " exceeds " + MAX_FRAGMENT;
		}
		if (problem == null) {
			if (d.held != null) {
				byte[] held = d.held; // confirmed by this header: process it first
				d.held = null;
				record(d, held, 0, held.length, d.heldFrame);
			}
			return true;
		}
		d.held = null;
		boolean mayResync = d.records == 0 || d.afterGap;
		if (mayResync && !d.tentative) {
			if (d.firstProblem == null) {
				d.firstProblem = problem + " at stream offset " + d.offset;
			}
			d.searching = true;
			return false;
		}
		if (mayResync) {
			d.tentative = false; // the boundary found was not one: search again
			d.searching = true;
			return false;
		}
		d.dead = true;
		damage(problem + " at stream offset " + d.offset, d, frame);
		return false;
	}

	/**
	 * First offset in [p, end) holding a plausible record header (and a plausible next
	 * one when it is in range).
	 */
	private static int findRecordStart(byte[] b, int p, int end) {
		for (int q = p; q + 5 <= end; q++) {
			if (!plausibleTlsHeader(b, q, end - q)) {
				continue;
			}
			int next = q + 5 + Wire.u16(b, q + 3);
			if (next + 5 <= end && !plausibleTlsHeader(b, next, end - next)) {
				continue;
			}
			return q;
		}
		return -1;
	}

	private void record(Direction d, byte[] b, int off, int len, long frame) {
		if (d.tentative) {
			// a record found by searching is believed, and processed, only once the next
			// header checks out
			d.tentative = false;
			d.held = Arrays.copyOfRange(b, off, off + len);
			d.heldFrame = frame;
			return;
		}
		d.afterGap = false;
		int type = b[off] & 0xff;
		int version = Wire.u16(b, off + 1);
		int bodyOff = off + 5;
		int bodyLen = len - 5;
		d.records++;
		protectedRecord(d, type, version, b, bodyOff, bodyLen, frame);
	}

	/** Routes a record body through decryption when the direction is protected. */
	private void protectedRecord(Direction d, int type, int version, byte[] b, int off, int len, long frame) {
		if (type == CT_CCS || !d.encrypted) {
			content(d, type, b, off, len, frame, false);
			return;
		}
		if (d.decryptor != null) {
			RecordDecryptor.Plain plain = d.seqUncertain ? openAfterGap(d, type, version, b, off, len)
					: d.decryptor.open(type, version, b, off, len);
			if (plain != null) {
				content(d, plain.type, plain.data, 0, plain.data.length, frame, true);
				return;
			}
			decryptionProblem("side " + d.side + " record " + d.records + ": " + d.decryptor.problem);
			d.decryptor = null;
			d.pending = null;
		}
		else if (d.app != null && type == CT_APPLICATION && isTls13()) {
			// no handshake secrets: the first record that opens with the application
			// secret ends the handshake
			RecordDecryptor.Plain plain = d.app.open(type, version, b, off, len);
			if (plain != null) {
				d.decryptor = d.app;
				d.app = null;
				d.finished = true;
				content(d, plain.type, plain.data, 0, plain.data.length, frame, true);
				return;
			}
			d.app.seq = 0;
		}
		int nullMac = isTls13() ? -1 : RecordDecryptor.nullCipherMacLength(suite);
		if (nullMac >= 0 && type == CT_APPLICATION && len >= nullMac && listener != null) {
			// a NULL cipher encrypts nothing: the data is readable without keys (its MAC
			// unchecked)
			listener.onPlaintext(d.side, b, off, len - nullMac, frame);
			return;
		}
		// opaque protected record
		if (isTls13()) {
			if (type == CT_APPLICATION) {
				if (d.side == serverSide()) {
					d.finished = true; // the server's encrypted flight ends with its
										// Finished
				}
				else if (d.side == clientSide) {
					d.finished = true; // the client's first protected record is its
										// Finished (best effort)
				}
			}
		}
		else if (type == CT_HANDSHAKE) {
			d.finished = true; // the encrypted Finished right after ChangeCipherSpec
		}
	}

	/**
	 * After a gap, records were lost: find the sequence number that opens this record.
	 */
	private RecordDecryptor.Plain openAfterGap(Direction d, int type, int version, byte[] b, int off, int len) {
		if (!d.decryptor.canSkipRecords()) {
			d.decryptor.problem = "a gap in the stream broke the cipher state (RC4 or TLS 1.0 CBC)";
			return null;
		}
		long base = d.decryptor.seq;
		for (long s = base; s < base + MAX_LOST_RECORDS; s++) {
			d.decryptor.seq = s;
			RecordDecryptor.Plain plain = d.decryptor.open(type, version, b, off, len);
			if (plain != null) {
				d.seqUncertain = false;
				return plain;
			}
		}
		d.decryptor.seq = base;
		d.decryptor.problem = "no record sequence number up to " + MAX_LOST_RECORDS + " records after the gap at "
				+ d.lastGap + " opens the record";
		return null;
	}

	private void content(Direction d, int type, byte[] b, int off, int len, long frame, boolean wasDecrypted) {
		switch (type) {
			case CT_CCS:
				if (!isTls13() && !(datagram && d.pending == null && d.decryptor != null)) {
					// (a retransmitted DTLS ChangeCipherSpec must not drop the keys it
					// already switched to)
					d.encrypted = true;
					d.decryptor = d.pending;
					d.pending = null;
					d.seqUncertain = false;
				}
				break;
			case CT_ALERT:
				if (len >= 2) {
					alert = alertName(b[off + len - 1] & 0xff);
				}
				break;
			case CT_HANDSHAKE:
				if (datagram) {
					break; // DTLS handshakes go through fragment reassembly
				}
				appendHandshake(d, b, off, len, frame);
				break;
			case CT_APPLICATION:
				if (wasDecrypted) {
					decrypted = true;
					if (listener != null && len > 0) {
						listener.onPlaintext(d.side, b, off, len, frame);
					}
				}
				break;
			default:
				break;
		}
	}

	private void appendHandshake(Direction d, byte[] b, int off, int len, long frame) {
		if (d.hsDead) {
			return;
		}
		if (d.hsLen + len > d.hs.length) {
			int need = d.hsLen + len;
			if (need > MAX_HANDSHAKE + 4) {
				d.hsDead = true;
				damage("handshake message longer than " + MAX_HANDSHAKE + " bytes at stream offset " + d.offset, d,
						frame);
				return;
			}
			d.hs = Arrays.copyOf(d.hs, Math.min(MAX_HANDSHAKE + 4, Math.max(Math.max(need, 1024), d.hs.length * 2)));
		}
		System.arraycopy(b, off, d.hs, d.hsLen, len);
		d.hsLen += len;
		int p = 0;
		while (d.hsLen - p >= 4) {
			int msgType = d.hs[p] & 0xff;
			int msgLen = (d.hs[p + 1] & 0xff) << 16 | (d.hs[p + 2] & 0xff) << 8 | (d.hs[p + 3] & 0xff);
			if (msgLen > MAX_HANDSHAKE) {
				d.hsDead = true;
				damage("handshake message length " + msgLen + " exceeds " + MAX_HANDSHAKE + " at stream offset "
						+ d.offset, d, frame);
				return;
			}
			if (d.hsLen - p < 4 + msgLen) {
				break;
			}
			handshake(d, msgType, d.hs, p + 4, msgLen, frame);
			p += 4 + msgLen;
		}
		if (p > 0) {
			System.arraycopy(d.hs, p, d.hs, 0, d.hsLen - p);
			d.hsLen -= p;
			if (d.hsLen == 0 && d.hs.length > 4096) {
				d.hs = EMPTY; // a certificate chain was parsed: do not keep its buffer
								// for the connection's life
			}
		}
	}

	// ------------------------------------------------------------------ datagram (DTLS)

	/** One UDP payload (datagram mode). */
	public void onDatagram(Side side, byte[] buf, int off, int len, long frameNumber) {
		if (side == null || buf == null || off < 0 || len < 0 || off > buf.length - len) {
			damage("invalid buffer arguments", null, frameNumber);
			return;
		}
		Direction d = dirs[side.ordinal()];
		try {
			feedDatagram(d, buf, off, len, frameNumber);
		}
		catch (RuntimeException e) {
			damage("parser error " + e.getClass().getSimpleName() + " in datagram", d, frameNumber);
		}
	}

	private void feedDatagram(Direction d, byte[] b, int off, int len, long frame) {
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
						damage("truncated DTLS 1.3 record header", d, frame);
						return;
					}
					recLen = Wire.u16(b, p + hdr);
					hdr += 2;
				}
				else {
					recLen = end - p - hdr;
				}
				if (recLen < 0 || end - p < hdr + recLen) {
					damage("DTLS 1.3 record length " + recLen + " beyond the datagram", d, frame);
					return;
				}
				d.records++;
				d.finished = true; // best effort: protected records follow the handshake
									// flight
				p += hdr + recLen;
				continue;
			}
			if (end - p < 13) {
				damage("truncated DTLS record header (" + (end - p) + " bytes)", d, frame);
				return;
			}
			int type = first;
			int version = Wire.u16(b, p + 1);
			int epoch = Wire.u16(b, p + 3);
			int recLen = Wire.u16(b, p + 11);
			if (type < CT_CCS || type > 25 || (version >> 8) != 0xfe) {
				damage(String.format("not a DTLS record (type %d, version 0x%04x)", type, version), d, frame);
				return;
			}
			if (end - p - 13 < recLen) {
				damage("DTLS record length " + recLen + " beyond the datagram (" + (end - p - 13) + " bytes left)", d,
						frame);
				return;
			}
			d.records++;
			int body = p + 13;
			if (epoch == 0) {
				if (type == CT_HANDSHAKE) {
					dtlsHandshake(d, b, body, recLen, frame);
				}
				else {
					content(d, type, b, body, recLen, frame, false);
				}
			}
			else {
				d.encrypted = true;
				long recordSeq = (long) epoch << 48 | new Wire(b, p + 5, 6).u48("sequence_number");
				if (!(d.decryptor != null && dtlsDecrypt(d, type, version, recordSeq, b, body, recLen, frame))) {
					if (type == CT_HANDSHAKE) {
						d.finished = true; // the encrypted Finished
					}
				}
			}
			p = body + recLen;
		}
	}

	/**
	 * Opens one protected DTLS 1.0/1.2 record; false if it could not be opened. Replays
	 * are dropped.
	 */
	private boolean dtlsDecrypt(Direction d, int type, int version, long recordSeq, byte[] b, int off, int len,
			long frame) {
		if (d.replay.seen(recordSeq)) {
			return true; // a retransmission already handled
		}
		d.decryptor.seq = recordSeq;
		RecordDecryptor.Plain plain = d.decryptor.open(type, version, b, off, len);
		if (plain == null) {
			decryptionProblem("side " + d.side + " DTLS record epoch " + (recordSeq >>> 48) + " seq "
					+ (recordSeq & 0xffffffffffffL) + ": " + d.decryptor.problem);
			return false;
		}
		d.replay.mark(recordSeq);
		if (plain.type == CT_HANDSHAKE) {
			dtlsHandshake(d, plain.data, 0, plain.data.length, frame);
		}
		else {
			content(d, plain.type, plain.data, 0, plain.data.length, frame, true);
		}
		return true;
	}

	/** RFC 6347 style sliding window of 64 record sequence numbers. */
	private static final class ReplayWindow {

		private long max = -1;

		private long bits;

		boolean seen(long seq) {
			if (max < 0 || seq > max) {
				return false;
			}
			long back = max - seq;
			return back >= 64 || (bits & (1L << back)) != 0;
		}

		void mark(long seq) {
			if (seq > max) {
				long shift = max < 0 ? 64 : seq - max;
				bits = shift >= 64 ? 0 : bits << shift;
				max = seq;
				bits |= 1;
			}
			else {
				bits |= 1L << (max - seq);
			}
		}

	}

	private void dtlsHandshake(Direction d, byte[] b, int off, int len, long frame) {
		Wire w = new Wire(b, off, len);
		while (w.remaining() > 0) {
			if (w.remaining() < 12) {
				damage("truncated DTLS handshake fragment header", d, frame);
				return;
			}
			int msgType = w.u8("type");
			int msgLen = w.u24("length");
			int msgSeq = w.u16("message_seq");
			int fragOff = w.u24("fragment_offset");
			int fragLen = w.u24("fragment_length");
			if (fragLen > w.remaining() || msgLen > MAX_HANDSHAKE || fragOff + fragLen > msgLen) {
				damage("impossible DTLS handshake fragment (message_seq " + msgSeq + ", offset " + fragOff + ", length "
						+ fragLen + " of " + msgLen + ")", d, frame);
				return;
			}
			int fragStart = w.p;
			w.skip(fragLen, "fragment");
			if (d.dtlsDone.get(msgSeq)) {
				continue; // retransmission of a message already handled
			}
			if (fragOff == 0 && fragLen == msgLen) {
				d.dtlsDone.set(msgSeq);
				d.dtlsPartials.remove(msgSeq);
				handshake(d, msgType, b, fragStart, msgLen, frame);
				continue;
			}
			DtlsPartial part = d.dtlsPartials.get(msgSeq);
			if (part == null || part.data.length != msgLen || part.type != msgType) {
				if (d.dtlsPartials.size() >= MAX_DTLS_PARTIALS) {
					damage("too many incomplete DTLS handshake messages", d, frame);
					d.dtlsPartials.clear();
				}
				part = new DtlsPartial(msgType, msgLen);
				d.dtlsPartials.put(msgSeq, part);
			}
			System.arraycopy(b, fragStart, part.data, fragOff, fragLen);
			part.got.set(fragOff, fragOff + fragLen);
			if (part.got.cardinality() == msgLen) {
				d.dtlsPartials.remove(msgSeq);
				d.dtlsDone.set(msgSeq);
				handshake(d, msgType, part.data, 0, msgLen, frame);
			}
		}
	}

	private static final class DtlsPartial {

		final int type;

		final byte[] data;

		final BitSet got;

		DtlsPartial(int type, int length) {
			this.type = type;
			this.data = new byte[length];
			this.got = new BitSet(length);
		}

	}

	// ------------------------------------------------------------------ handshake
	// messages

	private void handshake(Direction d, int type, byte[] b, int off, int len, long frame) {
		try {
			switch (type) {
				case 1:
					clientHello(d, new Wire(b, off, len), frame);
					break;
				case 2:
					serverHello(d, new Wire(b, off, len), frame);
					break;
				case 8:
					encryptedExtensions(new Wire(b, off, len));
					break;
				case 11:
					if (d.side == serverSide()) {
						certificates = certificate(d, new Wire(b, off, len), frame);
						certificateFrame = frame;
					}
					else if (d.side == clientSide) {
						clientCertificates = certificate(d, new Wire(b, off, len), frame);
					}
					break;
				case 20:
					finished(d);
					break;
				case 24:
					keyUpdate(d);
					break;
				default:
					break;
			}
		}
		catch (Wire.Malformed e) {
			damage("malformed " + handshakeName(type) + ": " + e.getMessage(), d, frame);
		}
	}

	private void clientHello(Direction d, Wire w, long frame) {
		if (clientSide == null) {
			clientSide = d.side;
		}
		clientHelloFrame = frame;
		int legacy = w.u16("legacy_version");
		byte[] random = w.bytes(32, "random");
		w.skip(w.u8("session_id length"), "session_id");
		if ((legacy >> 8) == 0xfe) {
			w.skip(w.u8("cookie length"), "cookie"); // DTLS ClientHello
		}
		Wire suites = w.sub(w.u16("cipher_suites length"), "cipher_suites");
		List<Integer> offered = new ArrayList<>();
		while (suites.remaining() >= 2) {
			int code = suites.u16("cipher suite");
			if (!CipherSuites.isGrease(code)) {
				offered.add(code);
			}
		}
		w.skip(w.u8("compression_methods length"), "compression_methods");
		List<Integer> versions = null;
		if (w.remaining() > 0) {
			Wire ext = w.sub(w.u16("extensions length"), "extensions");
			while (ext.remaining() > 0) {
				int extType = ext.u16("extension type");
				Wire e = ext.sub(ext.u16("extension length"), "extension " + extType);
				switch (extType) {
					case 0:
						serverName = sniHostName(e);
						break;
					case 16:
						alpnOffered = alpnList(e);
						break;
					case 14:
						srtpOffered = srtpProfiles(e);
						break;
					case 51: {
						Wire shares = e.sub(e.u16("client_shares length"), "client_shares");
						List<Integer> groups = new ArrayList<>();
						while (shares.remaining() > 0) {
							int group = shares.u16("key share group");
							shares.skip(shares.u16("key_exchange length"), "key_exchange");
							if (!CipherSuites.isGrease(group)) {
								groups.add(group);
							}
						}
						keyShareGroups = List.copyOf(groups);
						break;
					}
					case 43: {
						Wire v = e.sub(e.u8("supported_versions length"), "supported_versions");
						versions = new ArrayList<>();
						while (v.remaining() >= 2) {
							int code = v.u16("version");
							if (!CipherSuites.isGrease(code)) {
								versions.add(code);
							}
						}
						break;
					}
					default:
						break;
				}
			}
		}
		offeredVersions = versions != null ? versions : List.of(legacy);
		offeredSuites = List.copyOf(offered);
		clientRandom = random;
	}

	private void serverHello(Direction d, Wire w, long frame) {
		if (clientSide == null) {
			clientSide = d.side.other();
		}
		int legacy = w.u16("legacy_version");
		byte[] random = w.bytes(32, "random");
		w.skip(w.u8("session_id length"), "session_id");
		int cs = w.u16("cipher_suite");
		w.skip(1, "compression_method");
		int selected = 0;
		boolean etm = false;
		List<Integer> srtp = null;
		List<String> alpn = null;
		if (w.remaining() > 0) {
			Wire ext = w.sub(w.u16("extensions length"), "extensions");
			while (ext.remaining() > 0) {
				int extType = ext.u16("extension type");
				Wire e = ext.sub(ext.u16("extension length"), "extension " + extType);
				switch (extType) {
					case 43:
						selected = e.u16("selected_version");
						break;
					case 51:
						selectedGroup = e.u16("key share group"); // ServerHello: group +
																	// key; HRR: group
																	// only
						break;
					case 22:
						etm = true;
						break;
					case 14:
						srtp = srtpProfiles(e);
						break;
					case 16:
						alpn = alpnList(e);
						break;
					default:
						break;
				}
			}
		}
		serverLegacyVersion = legacy;
		selectedVersion = selected;
		suite = cs;
		encryptThenMac = etm;
		if (srtp != null) {
			srtpSelected = srtp;
		}
		if (alpn != null) {
			alpnSelected = alpn;
		}
		serverHelloFrame = frame;
		if (Arrays.equals(random, HRR_RANDOM)) {
			return; // HelloRetryRequest: a second ClientHello and ServerHello follow
		}
		serverRandom = random;
		setUpDecryption();
		if (isTls13() && !datagram) {
			Direction server = dirs[d.side.ordinal()];
			Direction client = dirs[d.side.other().ordinal()];
			server.encrypted = true;
			client.encrypted = true;
			server.decryptor = server.pending;
			client.decryptor = client.pending;
			server.seqUncertain = false;
			client.seqUncertain = false;
			server.pending = null;
			client.pending = null;
		}
	}

	private void encryptedExtensions(Wire w) {
		Wire ext = w.sub(w.u16("extensions length"), "extensions");
		while (ext.remaining() > 0) {
			int extType = ext.u16("extension type");
			Wire e = ext.sub(ext.u16("extension length"), "extension " + extType);
			if (extType == 16) {
				alpnSelected = alpnList(e);
			}
			else if (extType == 14) {
				srtpSelected = srtpProfiles(e);
			}
		}
	}

	private List<CertificateFacts> certificate(Direction d, Wire w, long frame) {
		boolean tls13 = isTls13();
		if (tls13) {
			w.skip(w.u8("certificate_request_context length"), "certificate_request_context");
		}
		Wire list = w.sub(w.u24("certificate_list length"), "certificate_list");
		List<CertificateFacts> chain = new ArrayList<>();
		int index = 0;
		while (list.remaining() > 0) {
			int certLen = list.u24("certificate length");
			int start = list.p;
			list.skip(certLen, "certificate");
			CertificateFacts facts = Certificates.parse(list.b, start, certLen);
			if (facts == null) {
				damage("certificate " + index + " in the chain is not a parseable X.509 certificate", d, frame);
			}
			else {
				chain.add(facts);
			}
			if (tls13) {
				list.skip(list.u16("certificate extensions length"), "certificate extensions");
			}
			index++;
		}
		return List.copyOf(chain);
	}

	private void finished(Direction d) {
		d.finished = true;
		if (isTls13() && d.app != null) {
			d.decryptor = d.app;
			d.app = null;
			d.seqUncertain = false;
		}
	}

	private void keyUpdate(Direction d) {
		if (isTls13() && d.decryptor instanceof RecordDecryptor.Tls13) {
			try {
				d.decryptor = ((RecordDecryptor.Tls13) d.decryptor).next();
				d.seqUncertain = false;
			}
			catch (GeneralSecurityException e) {
				decryptionProblem("KeyUpdate on side " + d.side + ": " + e.getMessage());
				d.decryptor = null;
			}
		}
	}

	private static String sniHostName(Wire e) {
		Wire list = e.sub(e.u16("server_name_list length"), "server_name_list");
		while (list.remaining() > 0) {
			int nameType = list.u8("name_type");
			int n = list.u16("host_name length");
			byte[] name = list.bytes(n, "host_name");
			if (nameType == 0) {
				return new String(name, java.nio.charset.StandardCharsets.US_ASCII);
			}
		}
		return null;
	}

	private static List<String> alpnList(Wire e) {
		Wire list = e.sub(e.u16("ALPN list length"), "ALPN list");
		List<String> out = new ArrayList<>();
		while (list.remaining() > 0) {
			int n = list.u8("protocol length");
			out.add(new String(list.bytes(n, "protocol"), java.nio.charset.StandardCharsets.ISO_8859_1));
		}
		return List.copyOf(out);
	}

	private static List<Integer> srtpProfiles(Wire e) {
		Wire list = e.sub(e.u16("SRTPProtectionProfiles length"), "SRTPProtectionProfiles");
		List<Integer> out = new ArrayList<>();
		while (list.remaining() >= 2) {
			out.add(list.u16("profile"));
		}
		return List.copyOf(out);
	}

	// ------------------------------------------------------------------ decryption
	// set-up

	private void setUpDecryption() {
		if (keyLog == null || clientRandom == null || serverRandom == null || suite < 0) {
			return;
		}
		int version = negotiatedVersion();
		if (version == 0xfefc) {
			decryptionProblem("DTLS 1.3 decryption is not supported");
			return;
		}
		if (version == 0xfefd) {
			version = 0x0303; // DTLS 1.2 protects records like TLS 1.2 (explicit sequence
								// numbers aside)
		}
		else if (version == 0xfeff) {
			version = 0x0302; // DTLS 1.0 is TLS 1.1's record protection
		}
		Direction client = dirs[clientSide.ordinal()];
		Direction server = dirs[clientSide.other().ordinal()];
		if (version == 0x0300) {
			decryptionProblem("SSL 3.0 decryption is not supported");
			return;
		}
		String unsupported = RecordDecryptor.unsupportedReason(suite, version == 0x0304 ? 0x0304 : 0x0303);
		if (unsupported != null) {
			decryptionProblem(unsupported);
			return;
		}
		try {
			if (version == 0x0304) {
				byte[] chs = keyLog.secret(KeyLog.CLIENT_HANDSHAKE, clientRandom);
				byte[] shs = keyLog.secret(KeyLog.SERVER_HANDSHAKE, clientRandom);
				byte[] cap = keyLog.secret(KeyLog.CLIENT_TRAFFIC_0, clientRandom);
				byte[] sap = keyLog.secret(KeyLog.SERVER_TRAFFIC_0, clientRandom);
				if (chs == null && shs == null && cap == null && sap == null) {
					decryptionProblem("the key log has no TLS 1.3 secrets for this client random");
					return;
				}
				client.pending = chs == null ? null : RecordDecryptor.tls13(suite, chs);
				server.pending = shs == null ? null : RecordDecryptor.tls13(suite, shs);
				client.app = cap == null ? null : RecordDecryptor.tls13(suite, cap);
				server.app = sap == null ? null : RecordDecryptor.tls13(suite, sap);
				if (chs == null || shs == null) {
					decryptionProblem("the key log lacks the handshake traffic secrets for this client random");
				}
			}
			else {
				byte[] master = keyLog.secret(KeyLog.CLIENT_RANDOM, clientRandom);
				if (master == null) {
					decryptionProblem("the key log has no CLIENT_RANDOM line for this client random");
					return;
				}
				RecordDecryptor[] pair = RecordDecryptor.tls12(suite, version, master, clientRandom, serverRandom,
						encryptThenMac);
				client.pending = pair[0];
				server.pending = pair[1];
			}
		}
		catch (GeneralSecurityException | RuntimeException e) {
			decryptionProblem("key derivation failed: " + e.getMessage());
		}
	}

	// ------------------------------------------------------------------ facts

	/** Facts so far; cheap to call; immutable snapshot. */
	public TlsFacts facts() {
		int version = negotiatedVersion();
		List<Integer> srtp = srtpSelected != null ? srtpSelected : srtpOffered;
		boolean tls13 = isTls13();
		boolean complete = dirs[0].finished && dirs[1].finished;
		return new TlsFacts(clientSide, datagram, version == 0 ? null : TlsFacts.versionName(version), version, suite,
				suite < 0 ? null : CipherSuites.name(suite),
				suite < 0 ? CipherSuites.Strength.UNKNOWN : CipherSuites.classify(suite), serverName,
				alpnSelected != null ? alpnSelected : alpnOffered, offeredVersions, srtp, srtpSelected != null,
				certificates, tls13 && certificates.isEmpty(), complete, decrypted, alert, clientHelloFrame,
				serverHelloFrame, certificateFrame, damage, decryptionProblem);
	}

	/**
	 * The client's certificate chain (mutual TLS), leaf first; empty if none was sent or
	 * it was encrypted (TLS 1.3 without a key log).
	 */
	public List<CertificateFacts> clientCertificates() {
		return clientCertificates;
	}

	/**
	 * Cipher suites the (latest) ClientHello offered, in its order, GREASE values left
	 * out.
	 */
	public List<Integer> offeredCipherSuites() {
		return offeredSuites;
	}

	/**
	 * Named groups of the key shares in the (latest) ClientHello, e.g. 0x001d x25519,
	 * 0x0017 secp256r1.
	 */
	public List<Integer> keyShareGroups() {
		return keyShareGroups;
	}

	/**
	 * Named group of the server's key share (ServerHello, or the group a
	 * HelloRetryRequest asked for); -1 if none.
	 */
	public int selectedGroup() {
		return selectedGroup;
	}

	/**
	 * Bytes skipped at the start of a direction to reach its first record boundary, when
	 * the capture began in the middle of a record (long-lived SIP trunks); 0 normally.
	 */
	public long skippedBytes(Side side) {
		return side == null ? 0 : dirs[side.ordinal()].skipped;
	}

	/**
	 * Why decryption did not happen or stopped, or null (also in
	 * {@link TlsFacts#decryptionProblem()}).
	 */
	public String decryptionProblem() {
		return decryptionProblem;
	}

	private int negotiatedVersion() {
		if (selectedVersion != 0) {
			return selectedVersion;
		}
		return serverLegacyVersion;
	}

	private boolean isTls13() {
		int v = negotiatedVersion();
		return v == 0x0304 || v == 0xfefc || (v & 0xff00) == 0x7f00;
	}

	private Side serverSide() {
		return clientSide == null ? null : clientSide.other();
	}

	private void damage(String what, Direction d, long frame) {
		damageCount++;
		if (damage == null) {
			damage = (d == null ? "" : "side " + d.side + ": ") + what + (frame > 0 ? " (frame " + frame + ")" : "");
		}
		else if (damageCount == 2) {
			damage = damage + "; and more";
		}
	}

	private void decryptionProblem(String what) {
		if (decryptionProblem == null) {
			decryptionProblem = what;
		}
	}

	// ------------------------------------------------------------------ sniffing

	/**
	 * Content sniffing on any port: a plausible TLS record header (type 20..24, version
	 * 0x0300..0x0304, sane length); a handshake record must start with a known handshake
	 * type of plausible length, and a second header is checked when the first record ends
	 * inside the buffer.
	 */
	public static boolean looksLikeTls(byte[] buf, int off, int len) {
		if (buf == null || off < 0 || len < 5 || off > buf.length - len) {
			return false;
		}
		if (!plausibleTlsHeader(buf, off, len)) {
			return false;
		}
		int fragLen = Wire.u16(buf, off + 3);
		int next = off + 5 + fragLen;
		if (next + 5 <= off + len) {
			return plausibleTlsHeader(buf, next, off + len - next);
		}
		return true;
	}

	private static boolean plausibleTlsHeader(byte[] b, int p, int avail) {
		int type = b[p] & 0xff;
		int major = b[p + 1] & 0xff;
		int minor = b[p + 2] & 0xff;
		int fragLen = Wire.u16(b, p + 3);
		if (type < CT_CCS || type > CT_HEARTBEAT || major != 3 || minor > 4 || fragLen == 0 || fragLen > MAX_FRAGMENT) {
			return false;
		}
		switch (type) {
			case CT_CCS:
				return fragLen == 1 && (avail < 6 || b[p + 5] == 1);
			case CT_ALERT:
				return fragLen >= 2 && (avail < 6 || fragLen > 2 || b[p + 5] == 1 || b[p + 5] == 2);
			case CT_HANDSHAKE:
				if (avail >= 9) {
					int hsType = b[p + 5] & 0xff;
					int hsLen = (b[p + 6] & 0xff) << 16 | (b[p + 7] & 0xff) << 8 | (b[p + 8] & 0xff);
					boolean known = hsType <= 2 || hsType == 4 || hsType == 8 || hsType == 11 || hsType == 12
							|| hsType == 13 || hsType == 14 || hsType == 15 || hsType == 16 || hsType == 20;
					// encrypted handshake records (Finished after CCS) look random:
					// accept unknown types only if long
					return (known && hsLen <= MAX_HANDSHAKE) || fragLen >= 32;
				}
				return true;
			default:
				return true;
		}
	}

	/**
	 * DTLS record header (version 0xfeff/0xfefd/0xfefc) with a plausible length;
	 * handshake fragments are checked.
	 */
	public static boolean looksLikeDtls(byte[] buf, int off, int len) {
		if (buf == null || off < 0 || len < 13 || off > buf.length - len) {
			return false;
		}
		int type = buf[off] & 0xff;
		int version = Wire.u16(buf, off + 1);
		int recLen = Wire.u16(buf, off + 11);
		if (type < CT_CCS || type > CT_HEARTBEAT) {
			return false;
		}
		if (version != 0xfeff && version != 0xfefd && version != 0xfefc) {
			return false;
		}
		if (recLen == 0 || recLen > len - 13 || recLen > MAX_FRAGMENT) {
			return false;
		}
		int epoch = Wire.u16(buf, off + 3);
		if (type == CT_HANDSHAKE && epoch == 0) {
			if (recLen < 12) {
				return false;
			}
			int p = off + 13;
			int hsType = buf[p] & 0xff;
			int msgLen = (buf[p + 1] & 0xff) << 16 | (buf[p + 2] & 0xff) << 8 | (buf[p + 3] & 0xff);
			int fragOff = (buf[p + 6] & 0xff) << 16 | (buf[p + 7] & 0xff) << 8 | (buf[p + 8] & 0xff);
			int fragLen = (buf[p + 9] & 0xff) << 16 | (buf[p + 10] & 0xff) << 8 | (buf[p + 11] & 0xff);
			return hsType <= 20 && fragOff + fragLen <= msgLen && fragLen <= recLen - 12;
		}
		if (type == CT_CCS) {
			return recLen == 1;
		}
		return true;
	}

	// ------------------------------------------------------------------ helpers

	private static final class Direction {

		final Side side;

		/**
		 * The record being assembled across calls; allocated on demand and never above
		 * one maximal record.
		 */
		byte[] rec;

		int recLen;

		long offset;

		long records;

		boolean dead;

		/**
		 * Looking for the first record boundary: the direction's bytes began mid-record.
		 */
		boolean searching;

		/** The record being read was found by searching and is not yet believed. */
		boolean tentative;

		long skipped;

		long skippedSinceSync;

		boolean afterGap;

		boolean seqUncertain;

		byte[] held;

		long heldFrame;

		String lastGap;

		String firstProblem;

		byte[] win;

		int winLen;

		byte[] hs = EMPTY;

		int hsLen;

		boolean hsDead;

		boolean encrypted;

		boolean finished;

		RecordDecryptor decryptor;

		RecordDecryptor pending;

		RecordDecryptor app;

		final BitSet dtlsDone = new BitSet();

		final ReplayWindow replay = new ReplayWindow();

		final Map<Integer, DtlsPartial> dtlsPartials = new HashMap<>();

		Direction(Side side) {
			this.side = side;
		}

		void ensureRecordCapacity(int n) {
			if (rec == null || rec.length < n) {
				byte[] bigger = new byte[Math.max(n, Math.min(5 + MAX_FRAGMENT, rec == null ? 512 : rec.length * 2))];
				if (rec != null) {
					System.arraycopy(rec, 0, bigger, 0, recLen);
				}
				rec = bigger;
			}
		}

		/**
		 * Idle connections should not pin 18 KB each: drop a big buffer once its record
		 * is done.
		 */
		void releaseLargeRecordBuffer() {
			if (rec != null && rec.length > 4096) {
				rec = null;
			}
		}

	}

	static String handshakeName(int type) {
		switch (type) {
			case 0:
				return "HelloRequest";
			case 1:
				return "ClientHello";
			case 2:
				return "ServerHello";
			case 3:
				return "HelloVerifyRequest";
			case 4:
				return "NewSessionTicket";
			case 8:
				return "EncryptedExtensions";
			case 11:
				return "Certificate";
			case 12:
				return "ServerKeyExchange";
			case 13:
				return "CertificateRequest";
			case 14:
				return "ServerHelloDone";
			case 15:
				return "CertificateVerify";
			case 16:
				return "ClientKeyExchange";
			case 20:
				return "Finished";
			case 24:
				return "KeyUpdate";
			default:
				return "handshake message " + type;
		}
	}

	/** RFC 8446/5246 alert description names; "alert_N" for unknown codes. */
	public static String alertName(int code) {
		switch (code) {
			case 0:
				return "close_notify";
			case 10:
				return "unexpected_message";
			case 20:
				return "bad_record_mac";
			case 21:
				return "decryption_failed";
			case 22:
				return "record_overflow";
			case 30:
				return "decompression_failure";
			case 40:
				return "handshake_failure";
			case 41:
				return "no_certificate";
			case 42:
				return "bad_certificate";
			case 43:
				return "unsupported_certificate";
			case 44:
				return "certificate_revoked";
			case 45:
				return "certificate_expired";
			case 46:
				return "certificate_unknown";
			case 47:
				return "illegal_parameter";
			case 48:
				return "unknown_ca";
			case 49:
				return "access_denied";
			case 50:
				return "decode_error";
			case 51:
				return "decrypt_error";
			case 60:
				return "export_restriction";
			case 70:
				return "protocol_version";
			case 71:
				return "insufficient_security";
			case 80:
				return "internal_error";
			case 86:
				return "inappropriate_fallback";
			case 90:
				return "user_canceled";
			case 100:
				return "no_renegotiation";
			case 109:
				return "missing_extension";
			case 110:
				return "unsupported_extension";
			case 111:
				return "certificate_unobtainable";
			case 112:
				return "unrecognized_name";
			case 113:
				return "bad_certificate_status_response";
			case 114:
				return "bad_certificate_hash_value";
			case 115:
				return "unknown_psk_identity";
			case 116:
				return "certificate_required";
			case 120:
				return "no_application_protocol";
			default:
				return "alert_" + code;
		}
	}

	private static byte[] hex(String s) {
		byte[] out = new byte[s.length() / 2];
		for (int i = 0; i < out.length; i++) {
			out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
		}
		return out;
	}

}
