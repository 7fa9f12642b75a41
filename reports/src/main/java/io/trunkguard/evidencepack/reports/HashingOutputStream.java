package io.trunkguard.evidencepack.reports;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

import io.trunkguard.evidence.Sha256;

/**
 * Passes bytes on while computing their SHA-256 and counting them. Closing it does not
 * close the stream underneath (a ZIP entry's writer may close what it was given, the ZIP
 * must stay open).
 */
final class HashingOutputStream extends FilterOutputStream {

	private final MessageDigest digest = Sha256.digest();

	private long count;

	HashingOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		out.write(b);
		digest.update((byte) b);
		count++;
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		out.write(b, off, len);
		digest.update(b, off, len);
		count += len;
	}

	@Override
	public void close() throws IOException {
		out.flush();
	}

	long count() {
		return count;
	}

	/** The SHA-256 of everything written; call once, at the end. */
	String sha256() {
		return Sha256.hex(digest);
	}

}
