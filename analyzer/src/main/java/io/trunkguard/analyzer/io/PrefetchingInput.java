package io.trunkguard.analyzer.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the raw input on a second thread: computes SHA-256 (unless told not to) and size
 * of the bytes as stored, decompresses gzip (sniffed by its magic) and hands decompressed
 * chunks to the analysing thread. A read or decompression error ends the decompressed
 * stream with that error; the raw bytes are still drained so the hash and size always
 * describe the whole file.
 */
public final class PrefetchingInput extends InputStream {

	private static final int CHUNK = 1 << 20;

	/**
	 * Free space before each chunk's data: the analysing thread takes the chunk arrays
	 * over without copying them ({@link ByteInput}) and puts the unread tail of the
	 * previous chunk (a block cut at the chunk boundary) there, so only that tail is
	 * copied.
	 */
	static final int HEADROOM = 128 * 1024;

	private static final int ARRAY = HEADROOM + CHUNK;

	private static final Chunk END = new Chunk(new byte[0], 0, 0, null);

	/**
	 * Decompressed bytes {@code data[offset, offset + length)}, or the error that ended
	 * the stream.
	 */
	record Chunk(byte[] data, int offset, int length, IOException error) {
	}

	private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(8);

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(12);

	private final Thread producer;

	/** Null when the caller hashes the bytes itself. */
	private final MessageDigest sha;

	private volatile boolean discard;

	private volatile long rawBytes;

	private volatile boolean gzip;

	private volatile String hash;

	private Chunk current;

	private int currentPos;

	private boolean ended;

	private boolean deferred;

	private final List<byte[]> released = new ArrayList<>();

	public PrefetchingInput(InputStream raw, LongConsumer rawProgress) {
		this(raw, rawProgress, true);
	}

	/**
	 * @param hashing false: {@link #sha256()} stays null, the bytes are not hashed
	 */
	public PrefetchingInput(InputStream raw, LongConsumer rawProgress, boolean hashing) {
		try {
			sha = hashing ? MessageDigest.getInstance("SHA-256") : null;
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		producer = new Thread(() -> produce(raw, rawProgress), "trunkguard-reader");
		producer.setDaemon(true);
		producer.start();
	}

	private final class Counting extends InputStream {

		private final InputStream in;

		private final LongConsumer progress;

		Counting(InputStream in, LongConsumer progress) {
			this.in = in;
			this.progress = progress;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int r = in.read(b, off, len);
			if (r > 0) {
				if (sha != null) {
					sha.update(b, off, r);
				}
				rawBytes += r;
				if (progress != null) {
					progress.accept(rawBytes);
				}
			}
			return r;
		}

	}

	private void produce(InputStream raw, LongConsumer progress) {
		Counting counting = new Counting(raw, progress);
		IOException error = null;
		try {
			PushbackInputStream sniff = new PushbackInputStream(counting, 2);
			byte[] magic = new byte[2];
			int n = sniff.readNBytes(magic, 0, 2);
			if (n > 0) {
				sniff.unread(magic, 0, n);
			}
			InputStream source = sniff;
			if (CaptureFiles.isGzip(magic, n)) {
				gzip = true;
				source = new GZIPInputStream(sniff, 1 << 16);
			}
			while (true) {
				byte[] buf = free.poll();
				if (buf == null) {
					buf = new byte[ARRAY];
				}
				int len = 0;
				boolean eof = false;
				try {
					while (len < CHUNK) {
						int r = source.read(buf, HEADROOM + len, CHUNK - len);
						if (r < 0) {
							eof = true;
							break;
						}
						len += r;
					}
				}
				catch (IOException e) {
					error = e; // hand over what was decompressed before the error, then
								// the error
					eof = true;
				}
				if (len > 0 && !discard) {
					put(new Chunk(buf, HEADROOM, len, null));
				}
				if (eof) {
					break;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			error = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
		}
		try {
			// drain whatever the decompressor or the analyser left so hash and size cover
			// the whole file
			byte[] drain = new byte[CHUNK];
			while (counting.read(drain, 0, drain.length) >= 0) {
				// hashing happens in Counting
			}
		}
		catch (IOException e) {
			if (error == null) {
				error = e;
			}
		}
		hash = sha == null ? null : HexFormat.of().formatHex(sha.digest());
		if (error != null && !discard) {
			put(new Chunk(new byte[0], 0, 0, error));
		}
		put(END);
	}

	private void put(Chunk c) {
		while (true) {
			try {
				if (discard && c != END) {
					return;
				}
				queue.put(c);
				return;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		while (current == null || currentPos >= current.offset + current.length) {
			if (ended) {
				return -1;
			}
			if (current != null) {
				recycle(current.data);
			}
			current = take();
			currentPos = current.offset;
			if (current == END) {
				ended = true;
				return -1;
			}
			if (current.error != null) {
				IOException e = current.error;
				current = null;
				throw e;
			}
		}
		int n = Math.min(len, current.offset + current.length - currentPos);
		System.arraycopy(current.data, currentPos, b, off, n);
		currentPos += n;
		return n;
	}

	/**
	 * The next chunk itself, for {@link ByteInput} to frame in place (no copy); null at
	 * the end of the stream. Throws the error that ended the decompressed stream. Not to
	 * be mixed with {@link #read}.
	 */
	Chunk takeChunk() throws IOException {
		if (ended) {
			return null;
		}
		Chunk c = take();
		if (c == END) {
			ended = true;
			return null;
		}
		if (c.error != null) {
			throw c.error;
		}
		return c;
	}

	/**
	 * Gives a chunk array back to the reader thread once nothing refers to its bytes any
	 * more, or, after {@link #deferRecycling()}, sets it aside for
	 * {@link #takeReleased(List)}.
	 */
	void recycle(byte[] data) {
		if (deferred) {
			released.add(data);
			return;
		}
		recycleNow(data);
	}

	/**
	 * Chunk arrays the framing side has moved past are no longer given back at once but
	 * collected for {@link #takeReleased(List)}: records framed in them may still be read
	 * by another thread, which gives them back with {@link #recycleNow(byte[])} when
	 * done. Call before the first record is framed, on the framing thread.
	 */
	public void deferRecycling() {
		deferred = true;
	}

	/**
	 * Moves the chunk arrays released since the last call into {@code into} (framing
	 * thread only).
	 */
	public void takeReleased(List<byte[]> into) {
		into.addAll(released);
		released.clear();
	}

	/** Gives a chunk array back to the reader thread; any thread. */
	public void recycleNow(byte[] data) {
		if (data.length == ARRAY) {
			free.offer(data);
		}
	}

	private Chunk take() throws IOException {
		try {
			return queue.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while reading", e);
		}
	}

	/**
	 * Stops consuming, lets the reader thread hash the rest of the input and waits for
	 * it.
	 */
	public void finish() {
		discard = true;
		while (!ended) {
			try {
				Chunk c = queue.take();
				if (c == END) {
					ended = true;
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		try {
			producer.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		finish();
	}

	/**
	 * SHA-256 (hex) of the raw input; valid after {@link #finish()}; null when made
	 * without hashing.
	 */
	public String sha256() {
		return hash;
	}

	/** Size of the raw input in bytes; final after {@link #finish()}. */
	public long rawBytes() {
		return rawBytes;
	}

	public boolean gzip() {
		return gzip;
	}

}
