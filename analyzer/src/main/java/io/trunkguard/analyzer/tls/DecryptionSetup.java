package io.trunkguard.analyzer.tls;

import java.security.GeneralSecurityException;

/**
 * Turns the negotiated handshake and a key log into record decryptors for both sides: TLS
 * 1.0-1.2 and DTLS 1.0/1.2 from the master secret, TLS 1.3 from the handshake and first
 * application traffic secrets. Says why when it cannot.
 */
final class DecryptionSetup {

	/**
	 * Decryptors per side: {@code pending} take over at ChangeCipherSpec (TLS 1.2) or the
	 * ServerHello (TLS 1.3 handshake keys); {@code app} are TLS 1.3 application keys.
	 * {@code problem} is null when everything needed was found; {@code derived} is false
	 * when nothing was (then the connection keeps what it had); {@code tls13} says the
	 * application keys were set up too.
	 */
	record Keys(boolean derived, boolean tls13, RecordDecryptor clientPending, RecordDecryptor serverPending,
			RecordDecryptor clientApp, RecordDecryptor serverApp, String problem) {

		static Keys none(String problem) {
			return new Keys(false, false, null, null, null, null, problem);
		}

	}

	private DecryptionSetup() {
	}

	/**
	 * Null when there is nothing to set up (no key log, or the hellos are incomplete).
	 */
	static Keys keys(KeyLog keyLog, HandshakeParser hs) {
		if (keyLog == null || hs.clientRandom == null || hs.serverRandom == null || hs.suite < 0) {
			return null;
		}
		int suite = hs.suite;
		int version = hs.negotiatedVersion();
		if (version == 0xfefc) {
			return Keys.none("DTLS 1.3 decryption is not supported");
		}
		if (version == 0xfefd) {
			version = 0x0303; // DTLS 1.2 protects records like TLS 1.2 (explicit sequence
								// numbers aside)
		}
		else if (version == 0xfeff) {
			version = 0x0302; // DTLS 1.0 is TLS 1.1's record protection
		}
		if (version == 0x0300) {
			return Keys.none("SSL 3.0 decryption is not supported");
		}
		String unsupported = RecordDecryptor.unsupportedReason(suite, version == 0x0304 ? 0x0304 : 0x0303);
		if (unsupported != null) {
			return Keys.none(unsupported);
		}
		try {
			if (version == 0x0304) {
				byte[] chs = keyLog.secret(KeyLog.CLIENT_HANDSHAKE, hs.clientRandom);
				byte[] shs = keyLog.secret(KeyLog.SERVER_HANDSHAKE, hs.clientRandom);
				byte[] cap = keyLog.secret(KeyLog.CLIENT_TRAFFIC_0, hs.clientRandom);
				byte[] sap = keyLog.secret(KeyLog.SERVER_TRAFFIC_0, hs.clientRandom);
				if (chs == null && shs == null && cap == null && sap == null) {
					return Keys.none("the key log has no TLS 1.3 secrets for this client random");
				}
				return new Keys(true, true, chs == null ? null : RecordDecryptor.tls13(suite, chs),
						shs == null ? null : RecordDecryptor.tls13(suite, shs),
						cap == null ? null : RecordDecryptor.tls13(suite, cap),
						sap == null ? null : RecordDecryptor.tls13(suite, sap), chs == null || shs == null
								? "the key log lacks the handshake traffic secrets for this client random" : null);
			}
			byte[] master = keyLog.secret(KeyLog.CLIENT_RANDOM, hs.clientRandom);
			if (master == null) {
				return Keys.none("the key log has no CLIENT_RANDOM line for this client random");
			}
			RecordDecryptor[] pair = RecordDecryptor.tls12(suite, version, master, hs.clientRandom, hs.serverRandom,
					hs.encryptThenMac);
			return new Keys(true, false, pair[0], pair[1], null, null, null);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return Keys.none("key derivation failed: " + e.getMessage());
		}
	}

}
