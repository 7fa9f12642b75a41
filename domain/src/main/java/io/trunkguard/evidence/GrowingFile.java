package io.trunkguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes of a file while the {@link FileStore} still writes them, for a reader that
 * follows the writing (the analysis of a capture that starts while its upload still
 * arrives). Handed to the store in {@link FileUpload#following(GrowingFile)}; the store
 * says when the file is opened, how far it is written, and whether it was stored to its
 * end or given up (refused, cut off, malformed), in which case the reader gets an
 * {@link IOException} instead of a short file.
 *
 * <p>
 * {@link #follow()} reads the part file through a descriptor of its own, opened when the
 * store creates the file (however late the reader starts), so the file's move to its
 * final place (or its deletion when the same bytes were there already) does not disturb
 * it; nothing is held in memory beyond the reader's own buffer.
 */
public final class GrowingFile {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private Path part;

	private String name;

	private long written;

	private boolean finished;

	private String sha256;

	private String givenUp;

	private FileChannel reading;

	/**
	 * Told by the store: the part file exists, under this cleaned name. Opened for the
	 * follower here, on the store's thread: a follower that starts late still reads it
	 * after the store has moved it to its place or dropped it as a copy.
	 */
	void opened(Path partFile, String fileName) throws IOException {
		FileChannel channel = FileChannel.open(partFile, StandardOpenOption.READ);
		update(() -> {
			part = partFile;
			name = fileName;
			reading = channel;
		});
	}

	/** Told by the store: this many bytes are written to the part file. */
	void grew(long size) {
		update(() -> written = size);
	}

	/** Told by the store: the whole file is written, with this hash. */
	void finished(long size, String hash) {
		update(() -> {
			written = size;
			sha256 = hash;
			finished = true;
		});
	}

	/**
	 * Ends the following: told by the store when it does not store the file (refused, cut
	 * off, malformed), or by the reader's owner when the bytes are no longer wanted.
	 * Every later read throws.
	 */
	public void giveUp(String reason) {
		FileChannel unread;
		lock.lock();
		try {
			if (givenUp == null) {
				givenUp = reason;
			}
			unread = reading;
			reading = null;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		if (unread != null) {
			try {
				unread.close();
			}
			catch (IOException ignored) {
				// nothing was written through it
			}
		}
	}

	private void update(Runnable change) {
		lock.lock();
		try {
			change.run();
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The name the file is stored under, once the store has opened it; waits for that.
	 * @throws IOException if the file was given up before
	 */
	public String awaitName() throws IOException {
		lock.lock();
		try {
			check();
			while (part == null) {
				awaitChange();
				check();
			}
			return name;
		}
		finally {
			lock.unlock();
		}
	}

	/** The name the file is stored under; null until the store has opened it. */
	public String name() {
		lock.lock();
		try {
			return name;
		}
		finally {
			lock.unlock();
		}
	}

	/** The SHA-256 of the whole file, once it is stored; null before. */
	public String sha256() {
		lock.lock();
		try {
			return sha256;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The file's bytes from its start, as they are written: a read waits for the writer,
	 * the stream ends where the stored file ends, and throws once the store gives the
	 * file up. Waits until the store has opened the file. One follower per file.
	 */
	public InputStream follow() throws IOException {
		lock.lock();
		try {
			awaitName();
			if (reading == null) {
				throw new IOException("the file is followed already");
			}
			FileChannel channel = reading;
			reading = null;
			return new Follower(channel);
		}
		finally {
			lock.unlock();
		}
	}

	private void check() throws IOException {
		if (givenUp != null) {
			throw new IOException("the file is no longer followed: " + givenUp);
		}
	}

	private void awaitChange() throws IOException {
		try {
			changed.await(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the file's next bytes", e);
		}
	}

	/**
	 * How many bytes from {@code position} may be read now: waits while the writer has
	 * not got further; -1 at the end of the stored file.
	 */
	private long readyFrom(long position) throws IOException {
		lock.lock();
		try {
			while (true) {
				check();
				if (written > position) {
					return written - position;
				}
				if (finished) {
					return -1;
				}
				awaitChange();
			}
		}
		finally {
			lock.unlock();
		}
	}

	private final class Follower extends InputStream {

		private final FileChannel channel;

		private long position;

		Follower(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			long ready = readyFrom(position);
			if (ready < 0) {
				return -1;
			}
			int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, ready)), position);
			if (n < 0) {
				throw new IOException("the file being stored is shorter than its writer said");
			}
			position += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}

	}

}
