package io.trunkguard.analyzer.tls;

import java.security.GeneralSecurityException;
import java.util.List;

import static io.trunkguard.analyzer.tls.TlsRecords.CT_ALERT;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_APPLICATION;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_CCS;
import static io.trunkguard.analyzer.tls.TlsRecords.CT_HANDSHAKE;

/**
 * One TLS connection (stream) or one DTLS association (datagrams), assembled from stages
 * that each stand alone: {@link StreamRecordReader} or {@link DatagramRecordReader} frame
 * the records; protected records go through the direction's {@link RecordDecryptor};
 * handshake messages are cut out by {@link StreamHandshakeAssembler} or
 * {@link DtlsHandshakeReassembler} and read by {@link HandshakeParser}; after the
 * ServerHello, {@link DecryptionSetup} turns a key log into decryptors. This class only
 * wires them and keeps each direction's cipher state (TLS 1.0-1.3 and DTLS 1.0/1.2:
 * AES-GCM, AES-CCM, ChaCha20-Poly1305, AES/3DES-CBC with either MAC order, RC4, NULL).
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

	/** Records that may be lost in a gap and still be skipped by decryption. */
	static final int MAX_LOST_RECORDS = 256;

	private final boolean datagram;

	private final KeyLog keyLog;

	private PlaintextListener listener;

	private final Direction[] dirs = { new Direction(Side.A), new Direction(Side.B) };

	private final HandshakeParser hello = new HandshakeParser();

	private boolean decrypted;

	private String alert;

	private String damage;

	private int damageCount;

	private String decryptionProblem;

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
		if (d.reader.dead || len == 0) {
			return;
		}
		try {
			d.reader.feed(buf, off, len, frameNumber);
		}
		catch (RuntimeException e) {
			d.reader.dead = true;
			damage("parser error " + e.getClass().getSimpleName() + " at stream offset " + d.reader.offset, d,
					frameNumber);
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
		if (d.reader.dead) {
			return;
		}
		d.handshakes.reset();
		d.reader.gap(frameNumber);
		d.seqUncertain = true;
	}

	/** A whole record of a stream direction, framed by its reader. */
	private void streamRecord(Direction d, byte[] b, int off, int len, long frame) {
		int type = b[off] & 0xff;
		int version = Wire.u16(b, off + 1);
		protectedRecord(d, type, version, b, off + 5, len - 5, frame);
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
			decryptionProblem("side " + d.side + " record " + d.reader.records + ": " + d.decryptor.problem);
			d.decryptor = null;
			d.pending = null;
		}
		else if (d.app != null && type == CT_APPLICATION && hello.isTls13()) {
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
		int nullMac = hello.isTls13() ? -1 : RecordDecryptor.nullCipherMacLength(hello.suite);
		if (nullMac >= 0 && type == CT_APPLICATION && len >= nullMac && listener != null) {
			// a NULL cipher encrypts nothing: the data is readable without keys (its MAC
			// unchecked)
			listener.onPlaintext(d.side, b, off, len - nullMac, frame);
			return;
		}
		// opaque protected record
		if (hello.isTls13()) {
			if (type == CT_APPLICATION) {
				if (d.side == hello.serverSide()) {
					d.finished = true; // the server's encrypted flight ends with its
										// Finished
				}
				else if (d.side == hello.clientSide) {
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
				+ d.reader.lastGap + " opens the record";
		return null;
	}

	private void content(Direction d, int type, byte[] b, int off, int len, long frame, boolean wasDecrypted) {
		switch (type) {
			case CT_CCS:
				if (!hello.isTls13() && !(datagram && d.pending == null && d.decryptor != null)) {
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
					alert = TlsRecords.alertName(b[off + len - 1] & 0xff);
				}
				break;
			case CT_HANDSHAKE:
				if (datagram) {
					break; // DTLS handshakes go through fragment reassembly
				}
				d.handshakes.append(b, off, len, frame, d.reader.offset, d);
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

	// ------------------------------------------------------------------ datagram (DTLS)

	/** One UDP payload (datagram mode). */
	public void onDatagram(Side side, byte[] buf, int off, int len, long frameNumber) {
		if (side == null || buf == null || off < 0 || len < 0 || off > buf.length - len) {
			damage("invalid buffer arguments", null, frameNumber);
			return;
		}
		Direction d = dirs[side.ordinal()];
		try {
			DatagramRecordReader.read(buf, off, len, frameNumber, d);
		}
		catch (RuntimeException e) {
			damage("parser error " + e.getClass().getSimpleName() + " in datagram", d, frameNumber);
		}
	}

	/** One DTLS 1.0/1.2 record framed by the datagram reader. */
	private void datagramRecord(Direction d, int type, int version, int epoch, long recordSeq, byte[] b, int body,
			int recLen, long frame) {
		if (epoch == 0) {
			if (type == CT_HANDSHAKE) {
				d.fragments.onRecord(b, body, recLen, frame, d);
			}
			else {
				content(d, type, b, body, recLen, frame, false);
			}
			return;
		}
		d.encrypted = true;
		if (!(d.decryptor != null && dtlsDecrypt(d, type, version, recordSeq, b, body, recLen, frame))) {
			if (type == CT_HANDSHAKE) {
				d.finished = true; // the encrypted Finished
			}
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
			d.fragments.onRecord(plain.data, 0, plain.data.length, frame, d);
		}
		else {
			content(d, plain.type, plain.data, 0, plain.data.length, frame, true);
		}
		return true;
	}

	// ------------------------------------------------------------------ handshake
	// messages

	private void handshake(Direction d, int type, byte[] b, int off, int len, long frame) {
		try {
			switch (type) {
				case 1:
					hello.clientHello(d.side, new Wire(b, off, len), frame);
					break;
				case 2:
					if (hello.serverHello(d.side, new Wire(b, off, len), frame)) {
						serverHelloDone(d);
					}
					break;
				case 8:
					hello.encryptedExtensions(new Wire(b, off, len));
					break;
				case 11:
					if (d.side == hello.serverSide()) {
						hello.certificates = hello.certificate(new Wire(b, off, len), frame, d);
						hello.certificateFrame = frame;
					}
					else if (d.side == hello.clientSide) {
						hello.clientCertificates = hello.certificate(new Wire(b, off, len), frame, d);
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
			damage("malformed " + TlsRecords.handshakeName(type) + ": " + e.getMessage(), d, frame);
		}
	}

	/** The server's side of the hellos is known: set up decryption. */
	private void serverHelloDone(Direction d) {
		DecryptionSetup.Keys keys = DecryptionSetup.keys(keyLog, hello);
		if (keys != null) {
			if (keys.derived()) {
				Direction client = dirs[hello.clientSide.ordinal()];
				Direction server = dirs[hello.clientSide.other().ordinal()];
				client.pending = keys.clientPending();
				server.pending = keys.serverPending();
				if (keys.tls13()) {
					client.app = keys.clientApp();
					server.app = keys.serverApp();
				}
			}
			if (keys.problem() != null) {
				decryptionProblem(keys.problem());
			}
		}
		if (hello.isTls13() && !datagram) {
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

	private void finished(Direction d) {
		d.finished = true;
		if (hello.isTls13() && d.app != null) {
			d.decryptor = d.app;
			d.app = null;
			d.seqUncertain = false;
		}
	}

	private void keyUpdate(Direction d) {
		if (hello.isTls13() && d.decryptor instanceof RecordDecryptor.Tls13) {
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

	// ------------------------------------------------------------------ facts

	/** Facts so far; cheap to call; immutable snapshot. */
	public TlsFacts facts() {
		int version = hello.negotiatedVersion();
		List<Integer> srtp = hello.srtpSelected != null ? hello.srtpSelected : hello.srtpOffered;
		boolean tls13 = hello.isTls13();
		boolean complete = dirs[0].finished && dirs[1].finished;
		int suite = hello.suite;
		return new TlsFacts(hello.clientSide, datagram, version == 0 ? null : TlsFacts.versionName(version), version,
				suite, suite < 0 ? null : CipherSuites.name(suite),
				suite < 0 ? CipherSuites.Strength.UNKNOWN : CipherSuites.classify(suite), hello.serverName,
				hello.alpnSelected != null ? hello.alpnSelected : hello.alpnOffered, hello.offeredVersions, srtp,
				hello.srtpSelected != null, hello.certificates, tls13 && hello.certificates.isEmpty(), complete,
				decrypted, alert, hello.clientHelloFrame, hello.serverHelloFrame, hello.certificateFrame, damage,
				decryptionProblem);
	}

	/**
	 * The client's certificate chain (mutual TLS), leaf first; empty if none was sent or
	 * it was encrypted (TLS 1.3 without a key log).
	 */
	public List<CertificateFacts> clientCertificates() {
		return hello.clientCertificates;
	}

	/**
	 * Cipher suites the (latest) ClientHello offered, in its order, GREASE values left
	 * out.
	 */
	public List<Integer> offeredCipherSuites() {
		return hello.offeredSuites;
	}

	/**
	 * Named groups of the key shares in the (latest) ClientHello, e.g. 0x001d x25519,
	 * 0x0017 secp256r1.
	 */
	public List<Integer> keyShareGroups() {
		return hello.keyShareGroups;
	}

	/**
	 * Named group of the server's key share (ServerHello, or the group a
	 * HelloRetryRequest asked for); -1 if none.
	 */
	public int selectedGroup() {
		return hello.selectedGroup;
	}

	/**
	 * Bytes skipped at the start of a direction to reach its first record boundary, when
	 * the capture began in the middle of a record (long-lived SIP trunks); 0 normally.
	 */
	public long skippedBytes(Side side) {
		return side == null ? 0 : dirs[side.ordinal()].reader.skipped;
	}

	/**
	 * Why decryption did not happen or stopped, or null (also in
	 * {@link TlsFacts#decryptionProblem()}).
	 */
	public String decryptionProblem() {
		return decryptionProblem;
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

	/**
	 * One direction: its record reader and handshake assembly, and its cipher state. It
	 * is the sink of its own stages, so they report back with the side known.
	 */
	private final class Direction implements StreamRecordReader.Sink, DatagramRecordReader.Sink,
			StreamHandshakeAssembler.Sink, DtlsHandshakeReassembler.Sink {

		final Side side;

		final StreamRecordReader reader;

		final StreamHandshakeAssembler handshakes = new StreamHandshakeAssembler();

		final DtlsHandshakeReassembler fragments;

		final ReplayWindow replay;

		boolean seqUncertain;

		boolean encrypted;

		boolean finished;

		RecordDecryptor decryptor;

		RecordDecryptor pending;

		RecordDecryptor app;

		Direction(Side side) {
			this.side = side;
			this.reader = new StreamRecordReader(this);
			this.fragments = new DtlsHandshakeReassembler();
			this.replay = new ReplayWindow();
		}

		@Override
		public void record(byte[] b, int off, int len, long frame) {
			streamRecord(this, b, off, len, frame);
		}

		@Override
		public void protectedRecord(long frame) {
			finished = true; // best effort: protected records follow the handshake flight
		}

		@Override
		public void record(int type, int version, int epoch, long sequence, byte[] b, int off, int len, long frame) {
			datagramRecord(this, type, version, epoch, sequence, b, off, len, frame);
		}

		@Override
		public void message(int type, byte[] b, int off, int len, long frame) {
			handshake(this, type, b, off, len, frame);
		}

		@Override
		public void damage(String what, long frame) {
			TlsConnection.this.damage(what, this, frame);
		}

	}

}
