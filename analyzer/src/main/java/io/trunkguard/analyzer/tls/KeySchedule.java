package io.trunkguard.analyzer.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TLS 1.0-1.2 PRF and TLS 1.3 HKDF-Expand-Label, with the JDK's HMAC. */
final class KeySchedule {

	private KeySchedule() {
	}

	/** TLS 1.2 PRF (RFC 5246 section 5) with HMAC-SHA256 or HMAC-SHA384. */
	static byte[] prf12(String hmac, byte[] secret, String label, byte[] seed, int len)
			throws GeneralSecurityException {
		return pHash(hmac, secret, concat(label.getBytes(StandardCharsets.US_ASCII), seed), len);
	}

	/**
	 * TLS 1.0/1.1 PRF (RFC 2246 section 5): P_MD5 over the first half of the secret XOR
	 * P_SHA1 over the second.
	 */
	static byte[] prf10(byte[] secret, String label, byte[] seed, int len) throws GeneralSecurityException {
		int half = (secret.length + 1) / 2;
		byte[] s1 = new byte[half];
		byte[] s2 = new byte[half];
		System.arraycopy(secret, 0, s1, 0, half);
		System.arraycopy(secret, secret.length - half, s2, 0, half);
		byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
		byte[] md5 = pHash("HmacMD5", s1, labelSeed, len);
		byte[] sha = pHash("HmacSHA1", s2, labelSeed, len);
		for (int i = 0; i < len; i++) {
			md5[i] ^= sha[i];
		}
		return md5;
	}

	private static byte[] pHash(String hmac, byte[] secret, byte[] seed, int len) throws GeneralSecurityException {
		Mac mac = Mac.getInstance(hmac);
		mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, hmac));
		byte[] out = new byte[len];
		byte[] a = seed;
		int pos = 0;
		while (pos < len) {
			a = mac.doFinal(a);
			mac.update(a);
			byte[] chunk = mac.doFinal(seed);
			int n = Math.min(chunk.length, len - pos);
			System.arraycopy(chunk, 0, out, pos, n);
			pos += n;
		}
		return out;
	}

	/** HKDF-Expand-Label (RFC 8446 section 7.1) with an empty context. */
	static byte[] expandLabel(String hmac, byte[] secret, String label, int len) throws GeneralSecurityException {
		byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
		byte[] info = new byte[2 + 1 + fullLabel.length + 1];
		info[0] = (byte) (len >> 8);
		info[1] = (byte) len;
		info[2] = (byte) fullLabel.length;
		System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
		info[info.length - 1] = 0;
		return hkdfExpand(hmac, secret, info, len);
	}

	/** HKDF-Expand (RFC 5869). */
	static byte[] hkdfExpand(String hmac, byte[] prk, byte[] info, int len) throws GeneralSecurityException {
		Mac mac = Mac.getInstance(hmac);
		mac.init(new SecretKeySpec(prk, hmac));
		byte[] out = new byte[len];
		byte[] t = new byte[0];
		int pos = 0;
		for (int i = 1; pos < len; i++) {
			mac.update(t);
			mac.update(info);
			mac.update((byte) i);
			t = mac.doFinal();
			int n = Math.min(t.length, len - pos);
			System.arraycopy(t, 0, out, pos, n);
			pos += n;
		}
		return out;
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
