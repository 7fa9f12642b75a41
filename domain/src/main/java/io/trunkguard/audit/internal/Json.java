package io.trunkguard.audit.internal;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A minimal JSON writer for audit details: objects with string keys, values written as
 * JSON numbers and booleans where they are, collections as arrays, everything else as
 * strings. Keys are written in the map's order (callers pass sorted maps so that the same
 * details give the same text).
 */
final class Json {

	private Json() {
	}

	static String object(Map<String, ?> values) {
		return values.entrySet()
			.stream()
			.map(e -> string(e.getKey()) + ":" + value(e.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

	static String value(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			return value.toString();
		}
		if (value instanceof Collection<?> items) {
			return items.stream().map(Json::value).collect(Collectors.joining(",", "[", "]"));
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			map.forEach((k, v) -> {
				if (out.length() > 1) {
					out.append(',');
				}
				out.append(string(String.valueOf(k))).append(':').append(value(v));
			});
			return out.append('}').toString();
		}
		if (value instanceof TemporalAccessor) {
			return string(value.toString());
		}
		return string(String.valueOf(value));
	}

	static String string(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
