package io.trunkguard.analyzer;

import io.trunkguard.analyzer.correlate.TlsSummary;
import io.trunkguard.analyzer.flow.TlsSupport;
import io.trunkguard.analyzer.tls.CertificateFacts;
import io.trunkguard.analyzer.tls.KeyLog;
import io.trunkguard.analyzer.tls.Side;
import io.trunkguard.analyzer.tls.SrtpSuites;
import io.trunkguard.analyzer.tls.TlsConnection;
import io.trunkguard.analyzer.tls.TlsSniffer;
import io.trunkguard.analyzer.tls.TlsFacts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects flow dispatch to the tls package's parser, with the key log when one is given.
 */
final class TlsSupports {

	private TlsSupports() {
	}

	/**
	 * Reads the key log; an unreadable one is reported through {@code problems} and
	 * ignored.
	 */
	static TlsSupport create(Options options, List<String> problems) {
		KeyLog keyLog = null;
		if (options.keyLog() != null) {
			try {
				keyLog = KeyLog.parse(options.keyLog());
				if (keyLog.size() == 0) {
					problems.add("key log " + options.keyLog() + " holds no usable secrets");
				}
			}
			catch (IOException | RuntimeException e) {
				problems.add("key log " + options.keyLog() + " could not be read: " + e.getMessage());
			}
		}
		return new Parser(keyLog);
	}

	private record Parser(KeyLog keyLog) implements TlsSupport {
		@Override
		public boolean looksLikeTls(byte[] b, int off, int len) {
			return TlsSniffer.looksLikeTls(b, off, len);
		}

		@Override
		public boolean looksLikeDtls(byte[] b, int off, int len) {
			return TlsSniffer.looksLikeDtls(b, off, len);
		}

		@Override
		public Session stream() {
			return new ParserSession(TlsConnection.stream(keyLog));
		}

		@Override
		public Session datagram() {
			return new ParserSession(TlsConnection.datagram(keyLog));
		}
	}

	private record ParserSession(TlsConnection connection) implements TlsSupport.Session {
		@Override
		public void onStream(boolean sideA, byte[] b, int off, int len, long frame) {
			connection.onStreamData(sideA ? Side.A : Side.B, b, off, len, frame);
		}

		@Override
		public void onDatagram(boolean sideA, byte[] b, int off, int len, long frame) {
			connection.onDatagram(sideA ? Side.A : Side.B, b, off, len, frame);
		}

		@Override
		public void onStreamGap(boolean sideA, long frame) {
			connection.onStreamGap(sideA ? Side.A : Side.B, frame);
		}

		@Override
		public void onPlaintext(TlsSupport.PlaintextSink sink) {
			connection.setPlaintextListener(
					(side, buf, off, len, frame) -> sink.onPlaintext(side == Side.A, buf, off, len, frame));
		}

		@Override
		public TlsSummary summary() {
			return summary(connection.facts());
		}

		static TlsSummary summary(TlsFacts f) {
			List<TlsSummary.Certificate> certs = new ArrayList<>();
			for (CertificateFacts c : f.serverCertificates()) {
				certs.add(new TlsSummary.Certificate(c.subject(), c.issuer(), c.serialHex(), c.notBefore(),
						c.notAfter(), c.selfSigned(), c.keyAlgorithm(), c.keyBits(), c.signatureAlgorithm(),
						c.weakSignature(), c.weakKey(), c.sha256Fingerprint(), c.subjectAltNames()));
			}
			List<String> profiles = new ArrayList<>();
			for (int p : f.srtpProtectionProfiles()) {
				profiles.add(SrtpSuites.profileName(p));
			}
			return new TlsSummary(f.version(), f.versionCode(), f.cipherSuite(), f.cipherSuiteName(),
					f.cipherStrength() == null ? null : f.cipherStrength().name(), f.serverName(), f.alpn(), certs,
					f.certificatesEncrypted(), f.handshakeComplete(), f.decrypted(), f.alert(), f.useSrtpNegotiated(),
					profiles, f.clientHelloFrame(), f.serverHelloFrame(), f.certificateFrame(), f.damage(),
					f.decryptionProblem());
		}
	}

}
