package io.trunkguard.analyzer;

import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.flow.PacketDispatcher;
import io.trunkguard.analyzer.io.CaptureReader;
import io.trunkguard.analyzer.io.CaptureRecord;
import io.trunkguard.analyzer.io.PrefetchingInput;
import io.trunkguard.analyzer.sip.SipMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The second core's share of an analysis: on its own thread, frames the capture's
 * records, decodes link and network layers (with IP reassembly) and parses UDP datagrams
 * that look like SIP, then hands the results to the analysing thread in bounded batches,
 * in capture order, so the report is the same as with one thread. A batch refers to the
 * reader's chunk arrays in place (no copy per packet); the arrays go back to the reader
 * thread only after the analysing thread is done with the batch that last refers to them.
 */
final class DecodingStage {

	static final int BATCH = 2048;

	/** Decoded packets, struct of arrays (no object per packet). */
	static final class Batch {

		int records;

		int size;

		final byte[][] buf = new byte[BATCH][];

		final int[] off = new int[BATCH];

		final int[] len = new int[BATCH];

		final long[] frame = new long[BATCH];

		final long[] timestamp = new long[BATCH];

		final int[] ipVersion = new int[BATCH];

		final int[] protocol = new int[BATCH];

		final long[] srcHi = new long[BATCH];

		final long[] srcLo = new long[BATCH];

		final long[] dstHi = new long[BATCH];

		final long[] dstLo = new long[BATCH];

		/** The UDP payload parsed as SIP, {@link PacketDispatcher#NOT_SIP} or null. */
		final SipMessage[] sip = new SipMessage[BATCH];

		/** Chunk arrays to give back to the reader once this batch is done. */
		final List<byte[]> released = new ArrayList<>();

		/** Set on the last batch. */
		boolean end;

		/** Set when the stage stopped on an error with fail-fast on. */
		Throwable error;

		void load(int i, Packet p) {
			p.frame = frame[i];
			p.timestampNanos = timestamp[i];
			p.ipVersion = ipVersion[i];
			p.protocol = protocol[i];
			p.srcHi = srcHi[i];
			p.srcLo = srcLo[i];
			p.dstHi = dstHi[i];
			p.dstLo = dstLo[i];
			p.buf = buf[i];
			p.off = off[i];
			p.len = len[i];
		}

	}

	private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(4);

	private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(6);

	private final PrefetchingInput input;

	private final CaptureReader reader;

	private final NetworkDecoder decoder;

	private final boolean failFast;

	private final Thread thread;

	private volatile boolean stop;

	// read by the analysing thread after join()

	long internalErrors;

	final CaptureSpan span = new CaptureSpan();

	DecodingStage(PrefetchingInput input, CaptureReader reader, NetworkDecoder decoder, boolean failFast) {
		this.input = input;
		this.reader = reader;
		this.decoder = decoder;
		this.failFast = failFast;
		for (int i = 0; i < 6; i++) {
			free.add(new Batch());
		}
		thread = new Thread(this::run, "trunkguard-decoder");
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		input.deferRecycling();
		CaptureRecord rec = new CaptureRecord();
		Packet packet = new Packet();
		Batch b = takeFree();
		try {
			while (b != null && !stop) {
				if (!fill(b, rec, packet)) {
					break;
				}
				input.takeReleased(b.released);
				put(b);
				b = takeFree();
			}
		}
		catch (RuntimeException | Error e) {
			if (b != null) {
				b.error = e;
			}
		}
		if (b != null) {
			input.takeReleased(b.released);
			b.end = true;
			put(b);
		}
	}

	/**
	 * Frames, decodes and pre-parses records into the batch until it is full (true) or
	 * the capture ends (false). A method of its own, called per batch, so that the JIT
	 * compiles it once as an ordinary method, kept for every later capture of the same
	 * JVM, instead of as part of the thread's loop (an on-stack replacement compiled anew
	 * for each capture).
	 */
	private boolean fill(Batch b, CaptureRecord rec, Packet packet) {
		while (true) {
			boolean more;
			try {
				more = reader.next(rec);
			}
			catch (RuntimeException e) {
				if (failFast) {
					throw e;
				}
				internalErrors++;
				more = false;
			}
			if (!more) {
				return false;
			}
			b.records++;
			span.saw(rec);
			try {
				packet.frame = rec.frameNumber;
				packet.timestampNanos = rec.timestampNanos;
				if (decoder.decode(rec.data, rec.offset, rec.length, rec.linkType, packet)) {
					SipMessage sip = PacketDispatcher.preParse(packet);
					int i = b.size++;
					b.buf[i] = packet.buf;
					b.off[i] = packet.off;
					b.len[i] = packet.len;
					b.frame[i] = packet.frame;
					b.timestamp[i] = packet.timestampNanos;
					b.ipVersion[i] = packet.ipVersion;
					b.protocol[i] = packet.protocol;
					b.srcHi[i] = packet.srcHi;
					b.srcLo[i] = packet.srcLo;
					b.dstHi[i] = packet.dstHi;
					b.dstLo[i] = packet.dstLo;
					b.sip[i] = sip;
				}
			}
			catch (RuntimeException | StackOverflowError e) {
				if (failFast) {
					throw e;
				}
				internalErrors++; // a parser bug must not lose the rest of the capture
			}
			if (b.size == BATCH || b.records >= 4 * BATCH) {
				return true;
			}
		}
	}

	private Batch takeFree() {
		try {
			while (!stop) {
				Batch b = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
				if (b != null) {
					return b;
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private void put(Batch b) {
		try {
			while (!stop) {
				if (full.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The next batch in capture order (the last one has {@code end} set). */
	Batch take() {
		try {
			return full.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			stop();
			Batch end = new Batch();
			end.end = true;
			return end;
		}
	}

	/** Gives a consumed batch and the chunk arrays it released back. */
	void done(Batch b) {
		for (byte[] a : b.released) {
			input.recycleNow(a);
		}
		b.released.clear();
		java.util.Arrays.fill(b.buf, 0, b.size, null);
		java.util.Arrays.fill(b.sip, 0, b.size, null);
		b.size = 0;
		b.records = 0;
		free.offer(b);
	}

	/** Stops the stage early (analysing thread failed) and waits for it. */
	void stop() {
		stop = true;
		join();
	}

	/** Waits for the stage's thread to end; its counters are final afterwards. */
	void join() {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
