package io.trunkguard.analyzer.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, pattern, args)} for the conversions the evidence
 * sentences use ({@code %d}, {@code %s}, {@code %x}/{@code %X} with zero padding,
 * {@code %.Nf}, {@code %%}), giving the same characters. {@link java.util.Formatter}
 * parses its pattern with a regular expression on every call and formats doubles through
 * several layers; the media verdicts of a large capture write thousands of these
 * sentences in the single-threaded tail of a run, mostly still interpreted. Anything else
 * in a pattern throws {@link IllegalArgumentException}.
 */
public final class Format {

	private Format() {
	}

	public static String of(String pattern, Object... args) {
		StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
		int next = 0;
		int n = pattern.length();
		for (int i = 0; i < n; i++) {
			char c = pattern.charAt(i);
			if (c != '%') {
				out.append(c);
				continue;
			}
			if (++i >= n) {
				throw new IllegalArgumentException("pattern ends with %: " + pattern);
			}
			c = pattern.charAt(i);
			if (c == '%') {
				out.append('%');
				continue;
			}
			boolean zero = false;
			if (c == '0') {
				zero = true;
				c = ++i < n ? pattern.charAt(i) : 0;
			}
			int width = 0;
			while (c >= '0' && c <= '9') {
				width = width * 10 + (c - '0');
				c = ++i < n ? pattern.charAt(i) : 0;
			}
			int precision = -1;
			if (c == '.') {
				precision = 0;
				c = ++i < n ? pattern.charAt(i) : 0;
				while (c >= '0' && c <= '9') {
					precision = precision * 10 + (c - '0');
					c = ++i < n ? pattern.charAt(i) : 0;
				}
			}
			if (next >= args.length) {
				throw new IllegalArgumentException("too few arguments for " + pattern);
			}
			Object arg = args[next++];
			String text = switch (c) {
				case 'd' -> decimal(arg);
				case 's' -> String.valueOf(arg);
				case 'x' -> hex(arg, false);
				case 'X' -> hex(arg, true);
				case 'f' -> fixed(arg, precision < 0 ? 6 : precision);
				default -> throw new IllegalArgumentException("unsupported conversion %" + c + " in " + pattern);
			};
			if ((zero && c == 's') || (precision >= 0 && c != 'f') || (width > 0 && !zero)) {
				throw new IllegalArgumentException("unsupported flags in " + pattern);
			}
			for (int pad = width - text.length(); pad > 0; pad--) {
				out.append('0');
			}
			out.append(text);
		}
		if (next != args.length) {
			throw new IllegalArgumentException("too many arguments for " + pattern);
		}
		return out.toString();
	}

	/**
	 * {@code %.Nf} of Locale.ROOT: the shortest decimal digits of the double (those of
	 * {@link Double#toString(double)}) rounded half up to {@code precision} places.
	 */
	public static String fixed(double value, int precision) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return String.format(Locale.ROOT, "%." + precision + "f", value);
		}
		if (Double.doubleToRawLongBits(value) < 0) {
			return "-" + fixed(-value, precision); // as Formatter: "-0.00" for -0.001 and
													// -0.0
		}
		return new BigDecimal(Double.toString(value)).setScale(precision, RoundingMode.HALF_UP).toPlainString();
	}

	private static String decimal(Object arg) {
		if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte) {
			return arg.toString();
		}
		throw new IllegalArgumentException("%d needs an integer, not " + arg);
	}

	private static String hex(Object arg, boolean upper) {
		String text;
		if (arg instanceof Integer v) {
			text = Integer.toHexString(v);
		}
		else if (arg instanceof Long v) {
			text = Long.toHexString(v);
		}
		else {
			throw new IllegalArgumentException("%x needs an int or long, not " + arg);
		}
		return upper ? text.toUpperCase(Locale.ROOT) : text;
	}

	private static String fixed(Object arg, int precision) {
		if (arg instanceof Double v) {
			return fixed(v.doubleValue(), precision);
		}
		if (arg instanceof Float v) {
			return fixed(Double.parseDouble(v.toString()), precision);
		}
		throw new IllegalArgumentException("%f needs a double, not " + arg);
	}

}
