package io.trunkguard.evidence;

import java.util.Locale;

/** File names and sizes as people read them. */
public final class FileNames {

	private FileNames() {
	}

	/**
	 * The base name only (browsers on some systems send a path), without control
	 * characters or quotes, at most {@value StoredFile#MAX_NAME} characters (the end of a
	 * longer one, which keeps the extension).
	 */
	public static String clean(String name) {
		if (name == null) {
			return "";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String clean = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
		return clean.length() <= StoredFile.MAX_NAME ? clean : clean.substring(clean.length() - StoredFile.MAX_NAME);
	}

	/** "512 bytes", "3.4 MB", "2.0 GB". */
	public static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
