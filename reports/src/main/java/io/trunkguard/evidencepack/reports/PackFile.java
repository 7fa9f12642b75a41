package io.trunkguard.evidencepack.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * One file of a pack as the manifest names it.
 *
 * @param path the path inside the ZIP, e.g. {@code workbooks/review-decisions.xlsx}
 * @param title what it is, in words
 * @param sha256 the SHA-256 of its bytes
 * @param sizeBytes its size
 * @param mediaType its content type
 * @param controls the criteria it evidences
 * @param evidencedFrom the first day it evidences
 * @param evidencedTo the last day it evidences
 */
record PackFile(String path, String title, String sha256, long sizeBytes, String mediaType, List<String> controls,
		LocalDate evidencedFrom, LocalDate evidencedTo) {

	PackFile {
		controls = List.copyOf(controls);
	}

}
