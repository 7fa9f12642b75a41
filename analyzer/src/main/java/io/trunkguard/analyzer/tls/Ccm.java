package io.trunkguard.analyzer.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CCM decryption (RFC 3610, NIST SP 800-38C) for 12-byte nonces as TLS uses them (RFC
 * 6655, RFC 8446), built on the JDK's AES block cipher because the JDK ships no CCM mode.
 */
final class Ccm {

	private Ccm() {
	}

	/**
	 * Plaintext of ciphertext||tag; throws AEADBadTagException when the tag does not
	 * verify.
	 */
	static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] buf, int off, int len, int tagLen)
			throws GeneralSecurityException {
		if (nonce.length != 12 || len < tagLen) {
			throw new AEADBadTagException("bad CCM input");
		}
		Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
		int plainLen = len - tagLen;
		int lenBytes = 15 - nonce.length; // L = 3

		// CTR: A_i = flags(L-1) | nonce | i; S_0 masks the tag, S_1.. the payload
		byte[] counter = new byte[16];
		counter[0] = (byte) (lenBytes - 1);
		System.arraycopy(nonce, 0, counter, 1, nonce.length);
		byte[] s0 = aes.doFinal(counter);
		byte[] plain = new byte[plainLen];
		byte[] stream = new byte[16];
		for (int i = 0, block = 1; i < plainLen; i += 16, block++) {
			counter[13] = (byte) (block >> 16);
			counter[14] = (byte) (block >> 8);
			counter[15] = (byte) block;
			aes.doFinal(counter, 0, 16, stream, 0);
			int n = Math.min(16, plainLen - i);
			for (int j = 0; j < n; j++) {
				plain[i + j] = (byte) (buf[off + i + j] ^ stream[j]);
			}
		}

		// CBC-MAC over B_0, the encoded AAD and the plaintext
		byte[] mac = new byte[16];
		mac[0] = (byte) ((aad.length > 0 ? 0x40 : 0) | ((tagLen - 2) / 2) << 3 | (lenBytes - 1));
		System.arraycopy(nonce, 0, mac, 1, nonce.length);
		mac[13] = (byte) (plainLen >> 16);
		mac[14] = (byte) (plainLen >> 8);
		mac[15] = (byte) plainLen;
		mac = aes.doFinal(mac);
		if (aad.length > 0) {
			byte[] encoded = new byte[2 + aad.length];
			encoded[0] = (byte) (aad.length >> 8);
			encoded[1] = (byte) aad.length;
			System.arraycopy(aad, 0, encoded, 2, aad.length);
			mac = cbcMac(aes, mac, encoded);
		}
		mac = cbcMac(aes, mac, plain);

		byte[] expected = new byte[tagLen];
		for (int i = 0; i < tagLen; i++) {
			expected[i] = (byte) (mac[i] ^ s0[i]);
		}
		byte[] tag = new byte[tagLen];
		System.arraycopy(buf, off + plainLen, tag, 0, tagLen);
		if (!MessageDigest.isEqual(expected, tag)) {
			throw new AEADBadTagException("CCM tag mismatch");
		}
		return plain;
	}

	/** Continues a CBC-MAC over data zero-padded to whole blocks. */
	private static byte[] cbcMac(Cipher aes, byte[] state, byte[] data) throws GeneralSecurityException {
		byte[] x = state;
		for (int i = 0; i < data.length; i += 16) {
			byte[] block = x.clone();
			int n = Math.min(16, data.length - i);
			for (int j = 0; j < n; j++) {
				block[j] ^= data[i + j];
			}
			x = aes.doFinal(block);
		}
		return x;
	}

}
