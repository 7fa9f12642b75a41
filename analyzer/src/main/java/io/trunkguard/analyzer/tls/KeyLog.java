package io.trunkguard.analyzer.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * NSS key log (SSLKEYLOGFILE) as written by OpenSSL, NSS, browsers, baresip and kamailio:
 * {@code LABEL <client_random hex> <secret hex>} lines. Labels kept: CLIENT_RANDOM (TLS
 * 1.2 master secret), CLIENT/SERVER_HANDSHAKE_TRAFFIC_SECRET,
 * CLIENT/SERVER_TRAFFIC_SECRET_0, CLIENT_EARLY_TRAFFIC_SECRET, EARLY_EXPORTER_SECRET and
 * EXPORTER_SECRET. Comments ({@code #}) and blank lines are ignored; malformed lines are
 * skipped and counted. Immutable once parsed: one instance can serve every connection of
 * a capture, from any thread.
 */
public final class KeyLog {

	/** Longest line considered; longer ones are skipped as malformed (bounded memory). */
	private static final int MAX_LINE = 4096;

	static final String CLIENT_RANDOM = "CLIENT_RANDOM";
	static final String CLIENT_HANDSHAKE = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
	static final String SERVER_HANDSHAKE = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
	static final String CLIENT_TRAFFIC_0 = "CLIENT_TRAFFIC_SECRET_0";
	static final String SERVER_TRAFFIC_0 = "SERVER_TRAFFIC_SECRET_0";

	private final Map<String, Map<Key, byte[]>> secrets;

	private final int size;

	private final int badLines;

	private final int unsupportedLines;

	private KeyLog(Map<String, Map<Key, byte[]>> secrets, int size, int badLines, int unsupportedLines) {
		this.secrets = secrets;
		this.size = size;
		this.badLines = badLines;
		this.unsupportedLines = unsupportedLines;
	}

	/** Reads a key log file (UTF-8/ASCII). */
	public static KeyLog parse(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			return parse(reader);
		}
	}

	/**
	 * Reads a key log; malformed lines are skipped and counted in {@link #badLines()}.
	 */
	public static KeyLog parse(Reader reader) throws IOException {
		BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
		Map<String, Map<Key, byte[]>> secrets = new HashMap<>();
		int size = 0;
		int bad = 0;
		int unsupported = 0;
		String line;
		while ((line = in.readLine()) != null) {
			String t = line.strip();
			if (t.isEmpty() || t.startsWith("#")) {
				continue;
			}
			if (t.length() > MAX_LINE) {
				bad++;
				continue;
			}
			String[] parts = t.split("\\s+");
			if (parts.length != 3) {
				bad++;
				continue;
			}
			String label = parts[0].toUpperCase(Locale.ROOT);
			byte[] random = hex(parts[1]);
			byte[] secret = hex(parts[2]);
			if (random == null || secret == null || secret.length == 0) {
				bad++;
				continue;
			}
			if (label.equals("RSA")) {
				unsupported++; // RSA <encrypted premaster prefix> <premaster>: keyed
								// differently, not used
				continue;
			}
			if (random.length != 32 || !isKnownLabel(label)) {
				if (random.length == 32 && label.matches("[A-Z0-9_]+")) {
					unsupported++;
				}
				else {
					bad++;
				}
				continue;
			}
			Map<Key, byte[]> byRandom = secrets.computeIfAbsent(label, l -> new HashMap<>());
			if (byRandom.put(new Key(random), secret) == null) {
				size++;
			}
		}
		return new KeyLog(secrets, size, bad, unsupported);
	}

	private static boolean isKnownLabel(String label) {
		switch (label) {
			case CLIENT_RANDOM:
			case CLIENT_HANDSHAKE:
			case SERVER_HANDSHAKE:
			case CLIENT_TRAFFIC_0:
			case SERVER_TRAFFIC_0:
			case "CLIENT_EARLY_TRAFFIC_SECRET":
			case "EARLY_EXPORTER_SECRET":
			case "EXPORTER_SECRET":
				return true;
			default:
				return false;
		}
	}

	/** Number of distinct (label, client random) secrets kept. */
	public int size() {
		return size;
	}

	/** Lines that were not comments and could not be read as {@code LABEL hex hex}. */
	public int badLines() {
		return badLines;
	}

	/**
	 * Well-formed lines with a label this class does not use (e.g. RSA premaster lines).
	 */
	public int unsupportedLines() {
		return unsupportedLines;
	}

	/** True if any secret is known for this client random. */
	public boolean hasClientRandom(byte[] clientRandom) {
		Key key = new Key(clientRandom);
		for (Map<Key, byte[]> byRandom : secrets.values()) {
			if (byRandom.containsKey(key)) {
				return true;
			}
		}
		return false;
	}

	/** The secret for a label and client random, or null. A copy. */
	public byte[] secret(String label, byte[] clientRandom) {
		Map<Key, byte[]> byRandom = secrets.get(label.toUpperCase(Locale.ROOT));
		if (byRandom == null || clientRandom == null) {
			return null;
		}
		byte[] s = byRandom.get(new Key(clientRandom));
		return s == null ? null : s.clone();
	}

	private static byte[] hex(String s) {
		if ((s.length() & 1) != 0) {
			return null;
		}
		byte[] out = new byte[s.length() / 2];
		for (int i = 0; i < out.length; i++) {
			int hi = Character.digit(s.charAt(2 * i), 16);
			int lo = Character.digit(s.charAt(2 * i + 1), 16);
			if (hi < 0 || lo < 0) {
				return null;
			}
			out[i] = (byte) (hi << 4 | lo);
		}
		return out;
	}

	private static final class Key {

		private final byte[] bytes;

		private final int hash;

		Key(byte[] bytes) {
			this.bytes = bytes.clone();
			this.hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key && Arrays.equals(bytes, ((Key) o).bytes);
		}

		@Override
		public int hashCode() {
			return hash;
		}

	}

}
