package io.trunkguard.analyzer.tls;

import java.util.Arrays;

import static io.trunkguard.analyzer.tls.TlsRecords.CT_CCS;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_HEARTBEAT;
import static io.trunkguard.analyzer.tls.TlsRecords.MAX_FRAGMENT;

/**
 * Frames the TLS records of one direction of a TCP stream, whatever the chunking: a
 * record split across calls is assembled in a buffer of at most one record, records
 * inside a chunk are handed over in place. A direction whose first bytes are mid-record
 * (a capture started on a live connection), or that lost bytes in a gap, is searched for
 * the next record boundary; a boundary found so is believed only once the header after it
 * checks out. Damage stops the direction.
 */
final class StreamRecordReader {

	/**
	 * Bytes searched for a first record boundary before a direction is declared not TLS.
	 */
	static final int RESYNC_LIMIT = 2 * (5 + MAX_FRAGMENT);

	/**
	 * Window in which a record boundary is searched (per direction, only while
	 * searching).
	 */
	static final int SEARCH_WINDOW = 4096;

	/** Receives the records (header included) and the damage of the direction. */
	interface Sink {

		/** One whole record, its 5-byte header at {@code off}. */
		void record(byte[] b, int off, int len, long frame);

		void damage(String what, long frame);

	}

	private final Sink sink;

	/**
	 * The record being assembled across calls; allocated on demand and never above one
	 * maximal record.
	 */
	private byte[] rec;

	private int recLen;

	/** Bytes handed to this reader (the stream offset of the next byte). */
	long offset;

	/** Records framed so far. */
	long records;

	boolean dead;

	/** Looking for the first record boundary: the direction's bytes began mid-record. */
	private boolean searching;

	/** The record being read was found by searching and is not yet believed. */
	private boolean tentative;

	/** Bytes skipped while searching, over the direction's life. */
	long skipped;

	private long skippedSinceSync;

	private boolean afterGap;

	private byte[] held;

	private long heldFrame;

	/** Where the last gap was, for messages. */
	String lastGap;

	private String firstProblem;

	private byte[] win;

	private int winLen;

	StreamRecordReader(Sink sink) {
		this.sink = sink;
	}

	/**
	 * Bytes are missing before the next call: drop the partial record and search for the
	 * next boundary.
	 */
	void gap(long frame) {
		recLen = 0;
		afterGap = true;
		tentative = false;
		held = null;
		searching = true;
		win = null;
		winLen = 0;
		skippedSinceSync = 0;
		lastGap = "stream offset " + offset + (frame > 0 ? " (frame " + frame + ")" : "");
	}

	/** In-order bytes of the direction. */
	void feed(byte[] buf, int off, int len, long frame) {
		byte[] cur = buf;
		int p = off;
		int end = off + len;
		// when a record boundary is found while searching, the window's bytes from there
		// plus the rest of the chunk become the bytes to frame: no recursion, no
		// unbounded buffering
		while (p < end && !dead) {
			if (searching) {
				if (win == null) {
					win = new byte[SEARCH_WINDOW];
				}
				int n = Math.min(win.length - winLen, end - p);
				System.arraycopy(cur, p, win, winLen, n);
				winLen += n;
				p += n;
				int q = TlsSniffer.findRecordStart(win, 0, winLen);
				if (q < 0) {
					int keep = Math.min(4, winLen);
					int drop = winLen - keep;
					System.arraycopy(win, drop, win, 0, keep);
					winLen = keep;
					if (!skip(drop, frame)) {
						return;
					}
					continue;
				}
				if (!skip(q, frame)) {
					return;
				}
				byte[] replay = new byte[winLen - q + (end - p)];
				System.arraycopy(win, q, replay, 0, winLen - q);
				System.arraycopy(cur, p, replay, winLen - q, end - p);
				winLen = 0;
				win = null;
				searching = false;
				tentative = true;
				cur = replay;
				p = 0;
				end = replay.length;
				continue;
			}
			if (recLen == 0 && end - p >= 5) {
				int fragLen = Wire.u16(cur, p + 3);
				if (!validHeader(cur, p, frame)) {
					continue; // searching for a record boundary from here, or dead
				}
				if (end - p >= 5 + fragLen) {
					record(cur, p, 5 + fragLen, frame);
					offset += 5 + fragLen;
					p += 5 + fragLen;
					continue;
				}
				ensureRecordCapacity(5 + fragLen);
				System.arraycopy(cur, p, rec, 0, end - p);
				recLen = end - p;
				p = end;
				continue;
			}
			if (recLen < 5) {
				ensureRecordCapacity(5);
				int n = Math.min(5 - recLen, end - p);
				System.arraycopy(cur, p, rec, recLen, n);
				recLen += n;
				p += n;
				if (recLen < 5) {
					continue;
				}
				if (!validHeader(rec, 0, frame)) {
					int bad = recLen; // the bad header's bytes; searching resumes after
										// them
					recLen = 0;
					if (searching && !skip(bad, frame)) {
						return;
					}
					continue;
				}
			}
			int total = 5 + Wire.u16(rec, 3);
			ensureRecordCapacity(total);
			int n = Math.min(total - recLen, end - p);
			System.arraycopy(cur, p, rec, recLen, n);
			recLen += n;
			p += n;
			if (recLen == total) {
				recLen = 0;
				record(rec, 0, total, frame);
				offset += total;
				releaseLargeRecordBuffer();
			}
		}
	}

	/**
	 * Counts bytes skipped while searching for a record boundary; false (and damage) past
	 * the limit.
	 */
	private boolean skip(int n, long frame) {
		skipped += n;
		offset += n;
		skippedSinceSync += n;
		if (skippedSinceSync > RESYNC_LIMIT) {
			dead = true;
			win = null;
			sink.damage(afterGap
					? "no TLS record boundary within " + skippedSinceSync + " bytes after the gap at " + lastGap
					: "no TLS record boundary in the first " + skippedSinceSync + " bytes (" + firstProblem + ")",
					frame);
			return false;
		}
		return true;
	}

	/**
	 * Checks a record header. A bad one before any record of the direction was read
	 * starts a search for the first record boundary (the capture began mid-record); later
	 * it is damage and stops the direction.
	 */
	private boolean validHeader(byte[] b, int p, long frame) {
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
			if (held != null) {
				byte[] h = held; // confirmed by this header: process it first
				held = null;
				record(h, 0, h.length, heldFrame);
			}
			return true;
		}
		held = null;
		boolean mayResync = records == 0 || afterGap;
		if (mayResync && !tentative) {
			if (firstProblem == null) {
				firstProblem = problem + " at stream offset " + offset;
			}
			searching = true;
			return false;
		}
		if (mayResync) {
			tentative = false; // the boundary found was not one: search again
			searching = true;
			return false;
		}
		dead = true;
		sink.damage(problem + " at stream offset " + offset, frame);
		return false;
	}

	private void record(byte[] b, int off, int len, long frame) {
		if (tentative) {
			// a record found by searching is believed, and processed, only once the next
			// header checks out
			tentative = false;
			held = Arrays.copyOfRange(b, off, off + len);
			heldFrame = frame;
			return;
		}
		afterGap = false;
		records++;
		sink.record(b, off, len, frame);
	}

	private void ensureRecordCapacity(int n) {
		if (rec == null || rec.length < n) {
			byte[] bigger = new byte[Math.max(n, Math.min(5 + MAX_FRAGMENT, rec == null ? 512 : rec.length * 2))];
			if (rec != null) {
				System.arraycopy(rec, 0, bigger, 0, recLen);
			}
			rec = bigger;
		}
	}

	/**
	 * Idle connections should not pin 18 KB each: drop a big buffer once its record is
	 * done.
	 */
	private void releaseLargeRecordBuffer() {
		if (rec != null && rec.length > 4096) {
			rec = null;
		}
	}

}
