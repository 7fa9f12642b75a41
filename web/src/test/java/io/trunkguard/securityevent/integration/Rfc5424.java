package io.trunkguard.securityevent.integration;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict RFC 5424 parser for the test receivers: every field checked against the ABNF
 * of section 6 (PRI range, VERSION 1, RFC 3339 timestamp with at most 6 fraction digits,
 * field lengths and characters, SD-ELEMENT syntax with its three escapes, MSG as UTF-8).
 * Anything else throws, naming what is wrong and where.
 */
final class Rfc5424 {

	record Message(int facility, int severity, String timestamp, String hostname, String appName, String procId,
			String msgId, Map<String, Map<String, String>> structuredData, String msg) {
	}

	private static final Pattern TIMESTAMP = Pattern.compile(
			"\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d{1,6})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)");

	private final byte[] bytes;

	private int at;

	private Rfc5424(byte[] bytes) {
		this.bytes = bytes;
	}

	static Message parse(byte[] frame) {
		return new Rfc5424(frame).message();
	}

	private Message message() {
		expect('<');
		int start = at;
		while (at < bytes.length && Character.isDigit(bytes[at]) && at - start < 3) {
			at++;
		}
		String priText = ascii(start, at);
		if (priText.isEmpty() || (priText.length() > 1 && priText.startsWith("0"))) {
			throw error("PRI must be 1 to 3 digits without a leading zero, was '" + priText + "'");
		}
		int pri = Integer.parseInt(priText);
		if (pri > 191) {
			throw error("PRI " + pri + " is above 191");
		}
		expect('>');
		expect('1');
		expect(' ');
		String timestamp = field("TIMESTAMP", Integer.MAX_VALUE);
		if (!timestamp.equals("-") && !TIMESTAMP.matcher(timestamp).matches()) {
			throw error("TIMESTAMP '" + timestamp + "' is not an RFC 3339 time as RFC 5424 allows");
		}
		expect(' ');
		String hostname = field("HOSTNAME", 255);
		expect(' ');
		String appName = field("APP-NAME", 48);
		expect(' ');
		String procId = field("PROCID", 128);
		expect(' ');
		String msgId = field("MSGID", 32);
		expect(' ');
		Map<String, Map<String, String>> sd = structuredData();
		String msg = null;
		if (at < bytes.length) {
			expect(' ');
			int from = at;
			if (bytes.length - at >= 3 && (bytes[at] & 0xff) == 0xEF && (bytes[at + 1] & 0xff) == 0xBB
					&& (bytes[at + 2] & 0xff) == 0xBF) {
				from += 3;
			}
			try {
				msg = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
					.toString();
			}
			catch (CharacterCodingException e) {
				throw error("MSG is not valid UTF-8");
			}
			at = bytes.length;
		}
		return new Message(pri / 8, pri % 8, timestamp, hostname, appName, procId, msgId, sd, msg);
	}

	private Map<String, Map<String, String>> structuredData() {
		Map<String, Map<String, String>> elements = new LinkedHashMap<>();
		if (at < bytes.length && bytes[at] == '-') {
			at++;
			return elements;
		}
		if (at >= bytes.length || bytes[at] != '[') {
			throw error("STRUCTURED-DATA must be '-' or start with '['");
		}
		while (at < bytes.length && bytes[at] == '[') {
			at++;
			String id = sdName("SD-ID");
			if (elements.containsKey(id)) {
				throw error("SD-ID " + id + " appears twice");
			}
			Map<String, String> params = new LinkedHashMap<>();
			while (at < bytes.length && bytes[at] == ' ') {
				at++;
				String name = sdName("PARAM-NAME");
				expect('=');
				expect('"');
				params.putIfAbsent(name, paramValue());
			}
			expect(']');
			elements.put(id, params);
		}
		return elements;
	}

	private String paramValue() {
		List<Byte> value = new ArrayList<>();
		while (true) {
			if (at >= bytes.length) {
				throw error("PARAM-VALUE is not closed");
			}
			byte b = bytes[at++];
			if (b == '"') {
				break;
			}
			if (b == ']') {
				throw error("']' inside PARAM-VALUE is not escaped");
			}
			if (b == '\\' && at < bytes.length && (bytes[at] == '"' || bytes[at] == '\\' || bytes[at] == ']')) {
				b = bytes[at++];
			}
			value.add(b);
		}
		byte[] raw = new byte[value.size()];
		for (int i = 0; i < raw.length; i++) {
			raw[i] = value.get(i);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(raw))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw error("PARAM-VALUE is not valid UTF-8");
		}
	}

	private String sdName(String what) {
		int start = at;
		while (at < bytes.length && bytes[at] > 32 && bytes[at] < 127 && bytes[at] != '=' && bytes[at] != ']'
				&& bytes[at] != '"' && bytes[at] != ' ') {
			at++;
		}
		if (at == start || at - start > 32) {
			throw error(what + " must be 1 to 32 printable characters, was " + (at - start));
		}
		return ascii(start, at);
	}

	private String field(String what, int max) {
		int start = at;
		while (at < bytes.length && bytes[at] > 32 && bytes[at] < 127) {
			at++;
		}
		if (at == start || at - start > max) {
			throw error(what + " must be 1 to " + max + " printable US-ASCII characters, was " + (at - start));
		}
		return ascii(start, at);
	}

	private void expect(char c) {
		if (at >= bytes.length || bytes[at] != c) {
			throw error("expected '" + c + "'");
		}
		at++;
	}

	private String ascii(int from, int to) {
		return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException(
				"Not RFC 5424 at byte " + at + ": " + what + " in: " + new String(bytes, StandardCharsets.UTF_8));
	}

}
