package io.trunkguard.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * The one place an enum becomes the words a person reads:
 * {@code ${@labels.of(item.routing)}} in a template, {@link #of(Enum)} in code. A label
 * is, in order, the one written in {@code labels.properties}
 * ({@code <EnumSimpleName>.<CONSTANT>=words}), the enum's own {@code label()} or
 * {@code description()}, or the constant in lower-case words ({@code NOT_REQUIRED}
 * becomes "not required"). A raw {@code system_owner} or {@code NOT_REQUIRED} never
 * reaches a page.
 */
@Component("labels")
public class Labels {

	private static final Properties WRITTEN = load();

	/** The label of a value (an enum, or a constant's name as text), or "" for none. */
	public String of(Object value) {
		if (value instanceof Enum<?> constant) {
			return label(constant);
		}
		return value == null ? "" : constantsInWords(
				value.toString().matches("[A-Z][A-Z0-9_]*") ? humanised(value.toString()) : value.toString());
	}

	/**
	 * The label with its first letter in upper case, for a value that starts a sentence
	 * or a cell.
	 */
	public String capitalised(Object value) {
		String label = of(value);
		return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/**
	 * The label of an enum with its first letter in upper case ("Signed off"), for a cell
	 * or a sentence's start outside the templates.
	 */
	public static String capitalisedLabel(Enum<?> value) {
		String label = label(value);
		return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** The label of a value, or "" for none (for code outside the templates). */
	public static String label(Enum<?> value) {
		if (value == null) {
			return "";
		}
		String written = WRITTEN.getProperty(value.getDeclaringClass().getSimpleName() + "." + value.name());
		if (written != null) {
			return written;
		}
		for (String accessor : new String[] { "label", "description" }) {
			try {
				Method method = value.getClass().getMethod(accessor);
				if (method.getReturnType() == String.class && method.getParameterCount() == 0) {
					method.setAccessible(true);
					Object text = method.invoke(value);
					if (text != null) {
						return text.toString();
					}
				}
			}
			catch (NoSuchMethodException e) {
				// next
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				break;
			}
		}
		return humanised(value.name());
	}

	/**
	 * The words written for {@code group.constant} in labels.properties, for constants
	 * that are not a Java enum here (the analyzer's rule ids: {@code AnalyzerRule}), else
	 * the constant in lower-case words; "" for none.
	 */
	public static String ofKey(String group, String constant) {
		if (constant == null) {
			return "";
		}
		String written = WRITTEN.getProperty(group + "." + constant);
		return written != null ? written : humanised(constant);
	}

	/** {@code SYSTEM_OWNER} or {@code system_owner} as "system owner". */
	public static String humanised(String constant) {
		return constant.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = Labels.class.getResourceAsStream("/labels.properties")) {
			if (in != null) {
				properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

	private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern
		.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

	/**
	 * {@code text} with every raw constant in it ({@code CARRY_OVER}) in lower-case
	 * words; acronyms without an underscore (SLA, SMTP) stay.
	 */
	public static String constantsInWords(String text) {
		if (text == null) {
			return null;
		}
		java.util.regex.Matcher constant = CONSTANT.matcher(text);
		StringBuilder words = new StringBuilder();
		while (constant.find()) {
			constant.appendReplacement(words, java.util.regex.Matcher.quoteReplacement(humanised(constant.group())));
		}
		constant.appendTail(words);
		return words.toString();
	}

	/** An audit action ({@code GRANT_REVOKED}) as words: "Grant revoked". */
	public String action(String action) {
		String words = action == null ? "" : withAcronyms(humanised(action));
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The abbreviations people write in capitals, as lower-case words. */
	private static final java.util.Set<String> ACRONYMS = java.util.Set.of("hr", "scim", "mfa", "api", "sip", "soc",
			"sla", "tls", "srtp", "oidc", "csv", "xlsx", "pdf", "sbc", "sso", "idp", "ip", "url", "cidr", "rtp", "dtls",
			"sdp", "json");

	/**
	 * Lower-case words with the abbreviations in them in capitals: "hr webhook refused"
	 * as "HR webhook refused", "vendor soc report reviewed" as "vendor SOC report
	 * reviewed", "sha256" as "SHA-256".
	 */
	public static String withAcronyms(String words) {
		if (words == null || words.isEmpty()) {
			return words;
		}
		String[] parts = words.split(" ", -1);
		for (int i = 0; i < parts.length; i++) {
			if (ACRONYMS.contains(parts[i])) {
				parts[i] = parts[i].toUpperCase(Locale.ROOT);
			}
			else if (parts[i].equals("sha256")) {
				parts[i] = "SHA-256";
			}
		}
		return String.join(" ", parts);
	}

}
