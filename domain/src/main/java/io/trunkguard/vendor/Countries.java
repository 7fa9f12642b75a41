package io.trunkguard.vendor;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	private Countries() {
	}

	public static boolean isKnown(String code) {
		return code != null && CODES.contains(code);
	}

	/** The English name of the country, or the code itself when unknown. */
	public static String name(String code) {
		if (!isKnown(code)) {
			return code;
		}
		return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
	}

}
