package io.trunkguard.analyzer.tls;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;

/** Turns DER certificates into {@link CertificateFacts} with the JDK's X.509 parser. */
final class Certificates {

	/**
	 * Facts of certificates already parsed, by their DER bytes: a server sends the same
	 * chain in every handshake, and parsing (with the signature check of a self-signed
	 * certificate) costs about a millisecond each. The facts are immutable. Bounded:
	 * cleared when full.
	 */
	private static final int CACHE_SIZE = 512;

	private static final Map<Der, CertificateFacts> CACHE = new ConcurrentHashMap<>();

	/** DER bytes as a map key (a private copy). */
	private static final class Der {

		private final byte[] bytes;

		private final int hash;

		Der(byte[] buf, int off, int len) {
			bytes = Arrays.copyOfRange(buf, off, off + len);
			hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Der d && hash == d.hash && Arrays.equals(bytes, d.bytes);
		}

		@Override
		public int hashCode() {
			return hash;
		}

	}

	private Certificates() {
	}

	/** Null if the bytes are not a parseable X.509 certificate. Never throws. */
	static CertificateFacts parse(byte[] buf, int off, int len) {
		if (buf == null || len <= 0 || off < 0 || off + len > buf.length) {
			return null;
		}
		Der key = new Der(buf, off, len);
		CertificateFacts known = CACHE.get(key);
		if (known != null) {
			return known;
		}
		CertificateFacts facts;
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			X509Certificate cert = (X509Certificate) factory
				.generateCertificate(new ByteArrayInputStream(buf, off, len));
			facts = facts(cert, buf, off, len);
		}
		catch (Exception | StackOverflowError e) {
			return null;
		}
		if (CACHE.size() >= CACHE_SIZE) {
			CACHE.clear();
		}
		CACHE.put(key, facts);
		return facts;
	}

	static CertificateFacts facts(X509Certificate cert, byte[] der, int off, int len) throws Exception {
		X500Principal subject = cert.getSubjectX500Principal();
		X500Principal issuer = cert.getIssuerX500Principal();
		PublicKey key = cert.getPublicKey();
		boolean selfSigned = false;
		if (subject.equals(issuer)) {
			try {
				cert.verify(key);
				selfSigned = true;
			}
			catch (Exception e) {
				selfSigned = false;
			}
		}
		String keyAlgorithm = key.getAlgorithm();
		int bits = 0;
		boolean weakKey = false;
		if (key instanceof RSAPublicKey) {
			keyAlgorithm = "RSA";
			bits = ((RSAPublicKey) key).getModulus().bitLength();
			weakKey = bits < 2048;
		}
		else if (key instanceof ECPublicKey) {
			keyAlgorithm = "EC";
			bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
			weakKey = bits < 256;
		}
		else if (key instanceof EdECPublicKey) {
			keyAlgorithm = ((EdECPublicKey) key).getParams().getName();
			bits = keyAlgorithm.equalsIgnoreCase("Ed448") ? 448 : 255;
		}
		else if (key instanceof DSAPublicKey && ((DSAPublicKey) key).getParams() != null) {
			keyAlgorithm = "DSA";
			bits = ((DSAPublicKey) key).getParams().getP().bitLength();
			weakKey = bits < 2048;
		}
		String sigAlg = cert.getSigAlgName();
		String upperSig = sigAlg == null ? "" : sigAlg.toUpperCase(Locale.ROOT);
		boolean weakSig = upperSig.contains("SHA1") || upperSig.contains("SHA-1") || upperSig.contains("MD5")
				|| upperSig.contains("MD2");
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update(der, off, len);
		return new CertificateFacts(subject.getName(X500Principal.RFC2253), issuer.getName(X500Principal.RFC2253),
				cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), cert.getNotBefore().toInstant(),
				cert.getNotAfter().toInstant(), selfSigned, keyAlgorithm, bits, sigAlg, weakSig, weakKey,
				colonHex(sha256.digest()), subjectAltNames(cert));
	}

	private static List<String> subjectAltNames(X509Certificate cert) {
		List<String> out = new ArrayList<>();
		try {
			Collection<List<?>> sans = cert.getSubjectAlternativeNames();
			if (sans == null) {
				return out;
			}
			for (List<?> san : sans) {
				if (san.size() < 2 || !(san.get(0) instanceof Integer)) {
					continue;
				}
				int type = (Integer) san.get(0);
				Object value = san.get(1);
				String prefix;
				switch (type) {
					case 1:
						prefix = "email:";
						break;
					case 2:
						prefix = "DNS:";
						break;
					case 4:
						prefix = "DirName:";
						break;
					case 6:
						prefix = "URI:";
						break;
					case 7:
						prefix = "IP:";
						break;
					case 8:
						prefix = "RID:";
						break;
					default:
						prefix = "other:";
						break;
				}
				if (value instanceof String) {
					out.add(prefix + value);
				}
			}
		}
		catch (Exception e) {
			// unparseable extension: report what we have
		}
		return out;
	}

	static String colonHex(byte[] bytes) {
		StringBuilder sb = new StringBuilder(bytes.length * 3);
		for (int i = 0; i < bytes.length; i++) {
			if (i > 0) {
				sb.append(':');
			}
			sb.append(Character.toUpperCase(Character.forDigit((bytes[i] >> 4) & 0xf, 16)));
			sb.append(Character.toUpperCase(Character.forDigit(bytes[i] & 0xf, 16)));
		}
		return sb.toString();
	}

}
