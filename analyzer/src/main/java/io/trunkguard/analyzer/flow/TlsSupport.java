package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.TlsSummary;

/**
 * The seam between flow dispatch and the TLS/DTLS parser (package {@code tls}, owned
 * separately): content tests and one session object per TLS connection or DTLS
 * association.
 */
public interface TlsSupport {

	boolean looksLikeTls(byte[] b, int off, int len);

	boolean looksLikeDtls(byte[] b, int off, int len);

	Session stream();

	Session datagram();

	/** One TLS connection or DTLS association. */
	interface Session {

		/** {@code sideA}: bytes from the side that spoke first (the client). */
		void onStream(boolean sideA, byte[] b, int off, int len, long frame);

		void onDatagram(boolean sideA, byte[] b, int off, int len, long frame);

		/** Bytes of one direction were lost (a TCP gap reassembly could not fill). */
		void onStreamGap(boolean sideA, long frame);

		void onPlaintext(PlaintextSink sink);

		TlsSummary summary();

	}

	/** Decrypted application data, in order per side. */
	@FunctionalInterface
	interface PlaintextSink {

		void onPlaintext(boolean sideA, byte[] b, int off, int len, long frame);

	}

	/** No TLS parser: nothing is recognised as TLS. */
	TlsSupport NONE = new TlsSupport() {
		@Override
		public boolean looksLikeTls(byte[] b, int off, int len) {
			return false;
		}

		@Override
		public boolean looksLikeDtls(byte[] b, int off, int len) {
			return false;
		}

		@Override
		public Session stream() {
			throw new IllegalStateException("no TLS support");
		}

		@Override
		public Session datagram() {
			throw new IllegalStateException("no TLS support");
		}
	};

}
