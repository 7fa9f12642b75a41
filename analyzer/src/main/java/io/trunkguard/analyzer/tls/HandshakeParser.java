package io.trunkguard.analyzer.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the handshake messages that carry the connection's facts (ClientHello,
 * ServerHello, EncryptedExtensions, Certificate) and keeps what they negotiated: sides,
 * versions, cipher suite, SNI, ALPN, use_srtp, key shares, certificates and the randoms
 * decryption needs. Throws {@link Wire.Malformed} on a message that runs past its length.
 */
final class HandshakeParser {

	private static final byte[] HRR_RANDOM = hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

	Side clientSide;

	int serverLegacyVersion;

	int selectedVersion;

	int suite = -1;

	String serverName;

	List<String> alpnOffered = List.of();

	List<String> alpnSelected;

	List<Integer> offeredVersions = List.of();

	List<Integer> srtpOffered = List.of();

	List<Integer> srtpSelected;

	List<CertificateFacts> certificates = List.of();

	List<CertificateFacts> clientCertificates = List.of();

	List<Integer> offeredSuites = List.of();

	List<Integer> keyShareGroups = List.of();

	int selectedGroup = -1;

	long clientHelloFrame;

	long serverHelloFrame;

	long certificateFrame;

	byte[] clientRandom;

	byte[] serverRandom;

	boolean encryptThenMac;

	void clientHello(Side side, Wire w, long frame) {
		if (clientSide == null) {
			clientSide = side;
		}
		clientHelloFrame = frame;
		int legacy = w.u16("legacy_version");
		byte[] random = w.bytes(32, "random");
		w.skip(w.u8("session_id length"), "session_id");
		if ((legacy >> 8) == 0xfe) {
			w.skip(w.u8("cookie length"), "cookie"); // DTLS ClientHello
		}
		Wire suites = w.sub(w.u16("cipher_suites length"), "cipher_suites");
		List<Integer> offered = new ArrayList<>();
		while (suites.remaining() >= 2) {
			int code = suites.u16("cipher suite");
			if (!CipherSuites.isGrease(code)) {
				offered.add(code);
			}
		}
		w.skip(w.u8("compression_methods length"), "compression_methods");
		List<Integer> versions = null;
		if (w.remaining() > 0) {
			Wire ext = w.sub(w.u16("extensions length"), "extensions");
			while (ext.remaining() > 0) {
				int extType = ext.u16("extension type");
				Wire e = ext.sub(ext.u16("extension length"), "extension " + extType);
				switch (extType) {
					case 0:
						serverName = sniHostName(e);
						break;
					case 16:
						alpnOffered = alpnList(e);
						break;
					case 14:
						srtpOffered = srtpProfiles(e);
						break;
					case 51: {
						Wire shares = e.sub(e.u16("client_shares length"), "client_shares");
						List<Integer> groups = new ArrayList<>();
						while (shares.remaining() > 0) {
							int group = shares.u16("key share group");
							shares.skip(shares.u16("key_exchange length"), "key_exchange");
							if (!CipherSuites.isGrease(group)) {
								groups.add(group);
							}
						}
						keyShareGroups = List.copyOf(groups);
						break;
					}
					case 43: {
						Wire v = e.sub(e.u8("supported_versions length"), "supported_versions");
						versions = new ArrayList<>();
						while (v.remaining() >= 2) {
							int code = v.u16("version");
							if (!CipherSuites.isGrease(code)) {
								versions.add(code);
							}
						}
						break;
					}
					default:
						break;
				}
			}
		}
		offeredVersions = versions != null ? versions : List.of(legacy);
		offeredSuites = List.copyOf(offered);
		clientRandom = random;
	}

	/**
	 * Reads a ServerHello; false for a HelloRetryRequest (a second ClientHello and
	 * ServerHello follow).
	 */
	boolean serverHello(Side side, Wire w, long frame) {
		if (clientSide == null) {
			clientSide = side.other();
		}
		int legacy = w.u16("legacy_version");
		byte[] random = w.bytes(32, "random");
		w.skip(w.u8("session_id length"), "session_id");
		int cs = w.u16("cipher_suite");
		w.skip(1, "compression_method");
		int selected = 0;
		boolean etm = false;
		List<Integer> srtp = null;
		List<String> alpn = null;
		if (w.remaining() > 0) {
			Wire ext = w.sub(w.u16("extensions length"), "extensions");
			while (ext.remaining() > 0) {
				int extType = ext.u16("extension type");
				Wire e = ext.sub(ext.u16("extension length"), "extension " + extType);
				switch (extType) {
					case 43:
						selected = e.u16("selected_version");
						break;
					case 51:
						selectedGroup = e.u16("key share group"); // ServerHello: group +
																	// key; HRR: group
																	// only
						break;
					case 22:
						etm = true;
						break;
					case 14:
						srtp = srtpProfiles(e);
						break;
					case 16:
						alpn = alpnList(e);
						break;
					default:
						break;
				}
			}
		}
		serverLegacyVersion = legacy;
		selectedVersion = selected;
		suite = cs;
		encryptThenMac = etm;
		if (srtp != null) {
			srtpSelected = srtp;
		}
		if (alpn != null) {
			alpnSelected = alpn;
		}
		serverHelloFrame = frame;
		if (Arrays.equals(random, HRR_RANDOM)) {
			return false; // HelloRetryRequest
		}
		serverRandom = random;
		return true;
	}

	void encryptedExtensions(Wire w) {
		Wire ext = w.sub(w.u16("extensions length"), "extensions");
		while (ext.remaining() > 0) {
			int extType = ext.u16("extension type");
			Wire e = ext.sub(ext.u16("extension length"), "extension " + extType);
			if (extType == 16) {
				alpnSelected = alpnList(e);
			}
			else if (extType == 14) {
				srtpSelected = srtpProfiles(e);
			}
		}
	}

	/**
	 * Reads a Certificate message's chain, leaf first; certificates that do not parse are
	 * left out and reported to {@code damage}.
	 */
	List<CertificateFacts> certificate(Wire w, long frame, StreamHandshakeAssembler.Sink damage) {
		boolean tls13 = isTls13();
		if (tls13) {
			w.skip(w.u8("certificate_request_context length"), "certificate_request_context");
		}
		Wire list = w.sub(w.u24("certificate_list length"), "certificate_list");
		List<CertificateFacts> chain = new ArrayList<>();
		int index = 0;
		while (list.remaining() > 0) {
			int certLen = list.u24("certificate length");
			int start = list.p;
			list.skip(certLen, "certificate");
			CertificateFacts facts = Certificates.parse(list.b, start, certLen);
			if (facts == null) {
				damage.damage("certificate " + index + " in the chain is not a parseable X.509 certificate", frame);
			}
			else {
				chain.add(facts);
			}
			if (tls13) {
				list.skip(list.u16("certificate extensions length"), "certificate extensions");
			}
			index++;
		}
		return List.copyOf(chain);
	}

	private static String sniHostName(Wire e) {
		Wire list = e.sub(e.u16("server_name_list length"), "server_name_list");
		while (list.remaining() > 0) {
			int nameType = list.u8("name_type");
			int n = list.u16("host_name length");
			byte[] name = list.bytes(n, "host_name");
			if (nameType == 0) {
				return new String(name, java.nio.charset.StandardCharsets.US_ASCII);
			}
		}
		return null;
	}

	private static List<String> alpnList(Wire e) {
		Wire list = e.sub(e.u16("ALPN list length"), "ALPN list");
		List<String> out = new ArrayList<>();
		while (list.remaining() > 0) {
			int n = list.u8("protocol length");
			out.add(new String(list.bytes(n, "protocol"), java.nio.charset.StandardCharsets.ISO_8859_1));
		}
		return List.copyOf(out);
	}

	private static List<Integer> srtpProfiles(Wire e) {
		Wire list = e.sub(e.u16("SRTPProtectionProfiles length"), "SRTPProtectionProfiles");
		List<Integer> out = new ArrayList<>();
		while (list.remaining() >= 2) {
			out.add(list.u16("profile"));
		}
		return List.copyOf(out);
	}

	int negotiatedVersion() {
		if (selectedVersion != 0) {
			return selectedVersion;
		}
		return serverLegacyVersion;
	}

	boolean isTls13() {
		int v = negotiatedVersion();
		return v == 0x0304 || v == 0xfefc || (v & 0xff00) == 0x7f00;
	}

	Side serverSide() {
		return clientSide == null ? null : clientSide.other();
	}

	private static byte[] hex(String s) {
		byte[] out = new byte[s.length() / 2];
		for (int i = 0; i < out.length; i++) {
			out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
		}
		return out;
	}

}
