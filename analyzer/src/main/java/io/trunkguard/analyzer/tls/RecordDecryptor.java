package io.trunkguard.analyzer.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the protected records of one direction with keys derived from a key log. One
 * instance per direction and key epoch; keeps the record sequence number. open() returns
 * null on failure and leaves the reason in {@link #problem}.
 */
abstract class RecordDecryptor {

	/** A decrypted record: its (inner) content type and plaintext. */
	static final class Plain {

		final int type;

		final byte[] data;

		Plain(int type, byte[] data) {
			this.type = type;
			this.data = data;
		}

	}

	long seq;

	String problem;

	abstract Plain open(int type, int version, byte[] buf, int off, int len);

	/**
	 * Whether records can be skipped by advancing the sequence number (no chained cipher
	 * state).
	 */
	boolean canSkipRecords() {
		return true;
	}

	/** Why a suite cannot be decrypted here, or null if it can. */
	static String unsupportedReason(int suite, int version) {
		String name = CipherSuites.name(suite).toUpperCase(Locale.ROOT);
		if (version == 0x0304) {
			if (suite >= 0x1301 && suite <= 0x1305) {
				return null;
			}
			return "cipher suite " + CipherSuites.name(suite) + " is not decryptable with the JDK";
		}
		if (!CipherSuites.isKnown(suite)) {
			return "unknown cipher suite " + CipherSuites.name(suite);
		}
		if (tls12Params(name) == null) {
			return "cipher suite " + CipherSuites.name(suite) + " is not decryptable with the JDK";
		}
		return null;
	}

	/**
	 * MAC length of a NULL-cipher suite (its records are plaintext plus MAC), or -1 for
	 * any other suite.
	 */
	static int nullCipherMacLength(int suite) {
		if (suite < 0 || !CipherSuites.isKnown(suite)) {
			return -1;
		}
		Params p = tls12Params(CipherSuites.name(suite).toUpperCase(Locale.ROOT));
		return p != null && p.kind().equals("NULL") ? p.macLen() : -1;
	}

	/**
	 * How a TLS 1.0-1.2 suite protects records: cipher kind, key and IV sizes, MAC, and
	 * the TLS 1.2 PRF hash.
	 */
	private record Params(String kind, int keyLen, int ivLen, String mac, int macLen, String prf) {
		boolean aead() {
			return kind.equals("GCM") || kind.equals("CHACHA") || kind.startsWith("CCM");
		}
	}

	/** Null if the suite is not decryptable here. */
	private static Params tls12Params(String name) {
		if (name.endsWith("_CCM") || name.endsWith("_CCM_8")) {
			int keyLen = name.contains("_AES_256_CCM") ? 32 : name.contains("_AES_128_CCM") ? 16 : 0;
			if (keyLen == 0) {
				return null;
			}
			return new Params(name.endsWith("_8") ? "CCM8" : "CCM", keyLen, 4, null, 0, "HmacSHA256");
		}
		String mac;
		int macLen;
		if (name.endsWith("_SHA")) {
			mac = "HmacSHA1";
			macLen = 20;
		}
		else if (name.endsWith("_SHA256")) {
			mac = "HmacSHA256";
			macLen = 32;
		}
		else if (name.endsWith("_SHA384")) {
			mac = "HmacSHA384";
			macLen = 48;
		}
		else if (name.endsWith("_MD5")) {
			mac = "HmacMD5";
			macLen = 16;
		}
		else {
			return null;
		}
		String prfHash = name.endsWith("_SHA384") ? "HmacSHA384" : "HmacSHA256";
		if (name.contains("_WITH_AES_128_GCM_")) {
			return new Params("GCM", 16, 4, null, 0, prfHash);
		}
		if (name.contains("_WITH_AES_256_GCM_")) {
			return new Params("GCM", 32, 4, null, 0, prfHash);
		}
		if (name.contains("_WITH_CHACHA20_POLY1305_")) {
			return new Params("CHACHA", 32, 12, null, 0, prfHash);
		}
		if (name.contains("_WITH_AES_128_CBC_")) {
			return new Params("AES-CBC", 16, 16, mac, macLen, prfHash);
		}
		if (name.contains("_WITH_AES_256_CBC_")) {
			return new Params("AES-CBC", 32, 16, mac, macLen, prfHash);
		}
		if (name.contains("_WITH_3DES_EDE_CBC_")) {
			return new Params("3DES-CBC", 24, 8, mac, macLen, prfHash);
		}
		if (name.contains("_WITH_RC4_128_")) {
			return new Params("RC4", 16, 0, mac, macLen, prfHash);
		}
		if (name.contains("_WITH_NULL_")) {
			return new Params("NULL", 0, 0, mac, macLen, prfHash);
		}
		return null;
	}

	/**
	 * Keys for TLS 1.0-1.2 from the master secret. Returns {client decryptor, server
	 * decryptor}.
	 */
	static RecordDecryptor[] tls12(int suite, int version, byte[] master, byte[] clientRandom, byte[] serverRandom,
			boolean encryptThenMac) throws GeneralSecurityException {
		Params p = tls12Params(CipherSuites.name(suite).toUpperCase(Locale.ROOT));
		if (p == null) {
			throw new GeneralSecurityException("unsupported suite");
		}
		String kind = p.kind();
		int keyLen = p.keyLen();
		int ivLen = p.ivLen();
		boolean aead = p.aead();
		int macLen = aead ? 0 : p.macLen();
		int total = 2 * macLen + 2 * keyLen + 2 * ivLen;
		byte[] seed = KeySchedule.concat(serverRandom, clientRandom);
		byte[] block = version >= 0x0303 ? KeySchedule.prf12(p.prf(), master, "key expansion", seed, total)
				: KeySchedule.prf10(master, "key expansion", seed, total);
		int pos = 0;
		byte[] cMac = Arrays.copyOfRange(block, pos, pos += macLen);
		byte[] sMac = Arrays.copyOfRange(block, pos, pos += macLen);
		byte[] cKey = Arrays.copyOfRange(block, pos, pos += keyLen);
		byte[] sKey = Arrays.copyOfRange(block, pos, pos += keyLen);
		byte[] cIv = Arrays.copyOfRange(block, pos, pos += ivLen);
		byte[] sIv = Arrays.copyOfRange(block, pos, pos += ivLen);
		if (aead) {
			return new RecordDecryptor[] { new Aead12(kind, cKey, cIv), new Aead12(kind, sKey, sIv) };
		}
		return new RecordDecryptor[] { new Block12(kind, cKey, cIv, p.mac(), cMac, version, encryptThenMac),
				new Block12(kind, sKey, sIv, p.mac(), sMac, version, encryptThenMac) };
	}

	/** TLS 1.3 decryptor for one traffic secret. */
	static Tls13 tls13(int suite, byte[] trafficSecret) throws GeneralSecurityException {
		return new Tls13(suite, trafficSecret);
	}

	static byte[] seqBytes(long seq) {
		byte[] s = new byte[8];
		for (int i = 7; i >= 0; i--) {
			s[i] = (byte) seq;
			seq >>>= 8;
		}
		return s;
	}

	static int tagLength(String kind) {
		return kind.equals("CCM8") ? 8 : 16;
	}

	/** The JDK cipher of this decryptor, made once and re-initialised per record. */
	private Cipher cipher;

	private SecretKeySpec cipherKey;

	/**
	 * Opens an AEAD ciphertext (with its tag at the end); throws if authentication fails.
	 */
	byte[] aeadOpen(String kind, byte[] key, byte[] nonce, byte[] aad, byte[] buf, int off, int len)
			throws GeneralSecurityException {
		if (kind.startsWith("CCM")) {
			return Ccm.open(key, nonce, aad, buf, off, len, tagLength(kind));
		}
		boolean gcm = kind.equals("GCM");
		if (cipher == null) {
			cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
			cipherKey = new SecretKeySpec(key, gcm ? "AES" : "ChaCha20");
		}
		java.security.spec.AlgorithmParameterSpec spec = gcm ? new GCMParameterSpec(128, nonce)
				: new IvParameterSpec(nonce);
		try {
			cipher.init(Cipher.DECRYPT_MODE, cipherKey, spec);
		}
		catch (java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
			// the JDK's ChaCha20 refuses the same key and nonce twice in a row on one
			// instance (a retry)
			cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
			cipher.init(Cipher.DECRYPT_MODE, cipherKey, spec);
		}
		cipher.updateAAD(aad);
		return cipher.doFinal(buf, off, len);
	}

	/**
	 * AES-GCM (explicit 8-byte nonce) and ChaCha20-Poly1305 (RFC 7905 nonce) for TLS 1.2.
	 */
	static final class Aead12 extends RecordDecryptor {

		private final String kind;

		private final byte[] key;

		private final byte[] iv;

		Aead12(String kind, byte[] key, byte[] iv) {
			this.kind = kind;
			this.key = key;
			this.iv = iv;
		}

		@Override
		Plain open(int type, int version, byte[] buf, int off, int len) {
			byte[] nonce = new byte[12];
			int ctOff = off;
			int ctLen = len;
			int tagLen = tagLength(kind);
			if (!kind.equals("CHACHA")) {
				if (len < 8 + tagLen) {
					problem = "record too short for " + kind;
					return null;
				}
				System.arraycopy(iv, 0, nonce, 0, 4);
				System.arraycopy(buf, off, nonce, 4, 8);
				ctOff += 8;
				ctLen -= 8;
			}
			else {
				if (len < 16) {
					problem = "record too short for ChaCha20-Poly1305";
					return null;
				}
				System.arraycopy(iv, 0, nonce, 0, 12);
				byte[] s = seqBytes(seq);
				for (int i = 0; i < 8; i++) {
					nonce[4 + i] ^= s[i];
				}
			}
			int plainLen = ctLen - tagLen;
			byte[] aad = new byte[13];
			System.arraycopy(seqBytes(seq), 0, aad, 0, 8);
			aad[8] = (byte) type;
			aad[9] = (byte) (version >> 8);
			aad[10] = (byte) version;
			aad[11] = (byte) (plainLen >> 8);
			aad[12] = (byte) plainLen;
			try {
				byte[] plain = aeadOpen(kind, key, nonce, aad, buf, ctOff, ctLen);
				seq++;
				return new Plain(type, plain);
			}
			catch (GeneralSecurityException | RuntimeException e) {
				problem = "authentication tag check failed (wrong key?)";
				return null;
			}
		}

	}

	/**
	 * CBC (MAC-then-encrypt or RFC 7366 encrypt-then-MAC), RC4 and NULL suites for TLS
	 * 1.0-1.2.
	 */
	static final class Block12 extends RecordDecryptor {

		private final String kind;

		private final byte[] key;

		private byte[] iv;

		private final String macAlg;

		private final byte[] macKey;

		private final int version;

		private final boolean encryptThenMac;

		private Cipher rc4;

		Block12(String kind, byte[] key, byte[] iv, String macAlg, byte[] macKey, int version, boolean encryptThenMac) {
			this.kind = kind;
			this.key = key;
			this.iv = iv;
			this.macAlg = macAlg;
			this.macKey = macKey;
			this.version = version;
			this.encryptThenMac = encryptThenMac && kind.endsWith("CBC");
		}

		private Mac mac;

		private Cipher cbc;

		private SecretKeySpec cbcKey;

		private byte[] mac(int type, int recVersion, byte[] b1, int o1, int l1) throws GeneralSecurityException {
			if (mac == null) {
				mac = Mac.getInstance(macAlg);
				mac.init(new SecretKeySpec(macKey.length == 0 ? new byte[1] : macKey, macAlg));
			}
			mac.reset();
			mac.update(seqBytes(seq));
			mac.update((byte) type);
			mac.update((byte) (recVersion >> 8));
			mac.update((byte) recVersion);
			mac.update((byte) (l1 >> 8));
			mac.update((byte) l1);
			mac.update(b1, o1, l1);
			return mac.doFinal();
		}

		@Override
		Plain open(int type, int recVersion, byte[] buf, int off, int len) {
			try {
				int macLen = macKey.length;
				if (kind.equals("NULL") || kind.equals("RC4")) {
					if (len < macLen) {
						problem = "record shorter than its MAC";
						return null;
					}
					byte[] plain;
					if (kind.equals("RC4")) {
						if (rc4 == null) {
							rc4 = Cipher.getInstance("ARCFOUR");
							rc4.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
						}
						plain = rc4.update(buf, off, len);
						if (plain == null) {
							plain = new byte[0];
						}
					}
					else {
						plain = Arrays.copyOfRange(buf, off, off + len);
					}
					return checkMacThenReturn(type, recVersion, plain, plain.length - macLen, macLen);
				}
				int block = kind.equals("AES-CBC") ? 16 : 8;
				String transformation = kind.equals("AES-CBC") ? "AES/CBC/NoPadding" : "DESede/CBC/NoPadding";
				String keyAlg = kind.equals("AES-CBC") ? "AES" : "DESede";
				int cOff = off;
				int cLen = len;
				if (encryptThenMac) {
					if (len < macLen) {
						problem = "record shorter than its MAC";
						return null;
					}
					cLen = len - macLen;
					byte[] expected = mac(type, recVersion, buf, off, cLen);
					if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(buf, off + cLen, off + len))) {
						problem = "record MAC check failed (wrong key?)";
						return null;
					}
				}
				byte[] recIv;
				if (version >= 0x0302) {
					if (cLen < block) {
						problem = "record shorter than its IV";
						return null;
					}
					recIv = Arrays.copyOfRange(buf, cOff, cOff + block);
					cOff += block;
					cLen -= block;
				}
				else {
					recIv = iv;
				}
				if (cLen <= 0 || cLen % block != 0) {
					problem = "CBC ciphertext is not a whole number of blocks";
					return null;
				}
				if (cbc == null) {
					cbc = Cipher.getInstance(transformation);
					cbcKey = new SecretKeySpec(key, keyAlg);
				}
				cbc.init(Cipher.DECRYPT_MODE, cbcKey, new IvParameterSpec(recIv));
				byte[] plain = cbc.doFinal(buf, cOff, cLen);
				if (version < 0x0302) {
					iv = Arrays.copyOfRange(buf, cOff + cLen - block, cOff + cLen);
				}
				int pad = plain[plain.length - 1] & 0xff;
				if (pad + 1 > plain.length) {
					problem = "bad CBC padding (wrong key?)";
					return null;
				}
				for (int i = plain.length - 1 - pad; i < plain.length; i++) {
					if ((plain[i] & 0xff) != pad) {
						problem = "bad CBC padding (wrong key?)";
						return null;
					}
				}
				int contentEnd = plain.length - pad - 1;
				if (encryptThenMac) {
					seq++;
					return new Plain(type, Arrays.copyOf(plain, contentEnd));
				}
				if (contentEnd < macLen) {
					problem = "record shorter than its MAC";
					return null;
				}
				return checkMacThenReturn(type, recVersion, plain, contentEnd - macLen, macLen);
			}
			catch (GeneralSecurityException | RuntimeException e) {
				problem = "decryption failed: " + e.getClass().getSimpleName();
				return null;
			}
		}

		@Override
		boolean canSkipRecords() {
			return !kind.equals("RC4") && !(kind.endsWith("CBC") && version < 0x0302);
		}

		private Plain checkMacThenReturn(int type, int recVersion, byte[] plain, int contentLen, int macLen)
				throws GeneralSecurityException {
			byte[] expected = mac(type, recVersion, plain, 0, contentLen);
			if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(plain, contentLen, contentLen + macLen))) {
				problem = "record MAC check failed (wrong key?)";
				return null;
			}
			seq++;
			return new Plain(type, Arrays.copyOf(plain, contentLen));
		}

	}

	/** TLS 1.3 record protection (RFC 8446 section 5.2) for one traffic secret. */
	static final class Tls13 extends RecordDecryptor {

		private final int suite;

		private final String hmac;

		private final String kind;

		private final byte[] secret;

		private final byte[] key;

		private final byte[] iv;

		Tls13(int suite, byte[] secret) throws GeneralSecurityException {
			this.suite = suite;
			this.secret = secret;
			this.hmac = suite == 0x1302 ? "HmacSHA384" : "HmacSHA256";
			this.kind = suite == 0x1303 ? "CHACHA" : suite == 0x1304 ? "CCM" : suite == 0x1305 ? "CCM8" : "GCM";
			int keyLen = suite == 0x1302 || suite == 0x1303 ? 32 : 16;
			this.key = KeySchedule.expandLabel(hmac, secret, "key", keyLen);
			this.iv = KeySchedule.expandLabel(hmac, secret, "iv", 12);
		}

		/** The decryptor after a KeyUpdate: application_traffic_secret_N+1. */
		Tls13 next() throws GeneralSecurityException {
			int hashLen = hmac.equals("HmacSHA384") ? 48 : 32;
			return new Tls13(suite, KeySchedule.expandLabel(hmac, secret, "traffic upd", hashLen));
		}

		@Override
		Plain open(int type, int version, byte[] buf, int off, int len) {
			if (len < tagLength(kind) + 1) {
				problem = "record too short for TLS 1.3 protection";
				return null;
			}
			byte[] nonce = iv.clone();
			byte[] s = seqBytes(seq);
			for (int i = 0; i < 8; i++) {
				nonce[4 + i] ^= s[i];
			}
			byte[] aad = { (byte) type, (byte) (version >> 8), (byte) version, (byte) (len >> 8), (byte) len };
			try {
				byte[] plain = aeadOpen(kind, key, nonce, aad, buf, off, len);
				int end = plain.length;
				while (end > 0 && plain[end - 1] == 0) {
					end--;
				}
				if (end == 0) {
					problem = "TLS 1.3 record without an inner content type";
					return null;
				}
				seq++;
				return new Plain(plain[end - 1] & 0xff, Arrays.copyOf(plain, end - 1));
			}
			catch (GeneralSecurityException | RuntimeException e) {
				problem = "authentication tag check failed (wrong key?)";
				return null;
			}
		}

	}

}
