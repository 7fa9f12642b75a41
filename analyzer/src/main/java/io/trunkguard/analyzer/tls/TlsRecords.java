package io.trunkguard.analyzer.tls;

/**
 * What TLS and DTLS records share: content types, size limits, and the names of handshake
 * messages and alerts.
 */
final class TlsRecords {

	/** Largest TLSCiphertext fragment allowed by RFC 5246 (2^14 + 2048). */
	static final int MAX_FRAGMENT = 16384 + 2048;

	/** Largest handshake message kept (certificate chains included). */
	static final int MAX_HANDSHAKE = 1 << 18;

	static final int CT_CCS = 20;

	static final int CT_ALERT = 21;

	static final int CT_HANDSHAKE = 22;

	static final int CT_APPLICATION = 23;

	static final int CT_HEARTBEAT = 24;

	private TlsRecords() {
	}

	static String handshakeName(int type) {
		switch (type) {
			case 0:
				return "HelloRequest";
			case 1:
				return "ClientHello";
			case 2:
				return "ServerHello";
			case 3:
				return "HelloVerifyRequest";
			case 4:
				return "NewSessionTicket";
			case 8:
				return "EncryptedExtensions";
			case 11:
				return "Certificate";
			case 12:
				return "ServerKeyExchange";
			case 13:
				return "CertificateRequest";
			case 14:
				return "ServerHelloDone";
			case 15:
				return "CertificateVerify";
			case 16:
				return "ClientKeyExchange";
			case 20:
				return "Finished";
			case 24:
				return "KeyUpdate";
			default:
				return "handshake message " + type;
		}
	}

	/** RFC 8446/5246 alert description names; "alert_N" for unknown codes. */
	public static String alertName(int code) {
		switch (code) {
			case 0:
				return "close_notify";
			case 10:
				return "unexpected_message";
			case 20:
				return "bad_record_mac";
			case 21:
				return "decryption_failed";
			case 22:
				return "record_overflow";
			case 30:
				return "decompression_failure";
			case 40:
				return "handshake_failure";
			case 41:
				return "no_certificate";
			case 42:
				return "bad_certificate";
			case 43:
				return "unsupported_certificate";
			case 44:
				return "certificate_revoked";
			case 45:
				return "certificate_expired";
			case 46:
				return "certificate_unknown";
			case 47:
				return "illegal_parameter";
			case 48:
				return "unknown_ca";
			case 49:
				return "access_denied";
			case 50:
				return "decode_error";
			case 51:
				return "decrypt_error";
			case 60:
				return "export_restriction";
			case 70:
				return "protocol_version";
			case 71:
				return "insufficient_security";
			case 80:
				return "internal_error";
			case 86:
				return "inappropriate_fallback";
			case 90:
				return "user_canceled";
			case 100:
				return "no_renegotiation";
			case 109:
				return "missing_extension";
			case 110:
				return "unsupported_extension";
			case 111:
				return "certificate_unobtainable";
			case 112:
				return "unrecognized_name";
			case 113:
				return "bad_certificate_status_response";
			case 114:
				return "bad_certificate_hash_value";
			case 115:
				return "unknown_psk_identity";
			case 116:
				return "certificate_required";
			case 120:
				return "no_application_protocol";
			default:
				return "alert_" + code;
		}
	}

}
