package io.trunkguard.deprovisioning;

import java.time.Duration;

/**
 * Durations as a compliance lead reads them, the same on the case pages and in the
 * deprovisioning log: "45 s", "12 min", "3 h 05 min", "2 d 4 h".
 */
public final class Durations {

	private Durations() {
	}

	public static String human(Duration duration) {
		if (duration == null) {
			return "";
		}
		long seconds = Math.abs(duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + " h " + String.format("%02d", minutes % 60) + " min";
		}
		return hours / 24 + " d " + hours % 24 + " h";
	}

}
