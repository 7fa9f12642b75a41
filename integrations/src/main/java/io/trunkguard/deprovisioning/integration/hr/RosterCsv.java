package io.trunkguard.deprovisioning.integration.hr;

import io.trunkguard.evidence.Sha256;
import io.trunkguard.deprovisioning.RosterEntry;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a roster CSV (UTF-8): a header with {@code hr_id} and optionally {@code end_date}
 * (ISO date, may be empty), in any order, other columns ignored. Every bad line is
 * reported; one bad line refuses the whole file.
 */
public final class RosterCsv {

	/**
	 * A roster as read: its entries and the SHA-256 (hex) of the file, which is the
	 * roster's id.
	 */
	public record Roster(List<RosterEntry> entries, String sha256) {
	}

	/** The roster cannot be read: every bad line is listed. */
	public static final class BadRoster extends Exception {

		private final List<String> errors;

		BadRoster(String message) {
			this(message, List.of(message));
		}

		BadRoster(String message, List<String> errors) {
			super(message);
			this.errors = List.copyOf(errors);
		}

		/** Every problem found, one per bad line (at most {@value #MAX_ERRORS}). */
		public List<String> errors() {
			return errors;
		}

	}

	public static final int MAX_ERRORS = 200;

	private RosterCsv() {
	}

	/** Reads the whole file; one bad line refuses it. */
	public static Roster read(byte[] content) throws BadRoster {
		return new Roster(parse(content), sha256(content));
	}

	static List<RosterEntry> parse(byte[] content) throws BadRoster {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new BadRoster("the roster is not UTF-8 text");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String[] lines = text.split("\r?\n", -1);
		if (lines.length == 0 || lines[0].isBlank()) {
			throw new BadRoster("the roster has no header line (expected hr_id[,end_date])");
		}
		List<String> header = cells(lines[0]).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
		int hrColumn = header.indexOf("hr_id");
		int endColumn = header.indexOf("end_date");
		if (hrColumn < 0) {
			throw new BadRoster("the header has no hr_id column: " + lines[0]);
		}
		List<String> errors = new ArrayList<>();
		List<RosterEntry> entries = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			int lineNo = i + 1;
			List<String> cells = cells(lines[i]);
			String hrId = hrColumn < cells.size() ? cells.get(hrColumn) : "";
			if (hrId.isEmpty() || hrId.length() > 64) {
				errors.add("line " + lineNo + ": hr_id missing or longer than 64 characters");
				continue;
			}
			if (!seen.add(hrId)) {
				errors.add("line " + lineNo + ": hr_id " + hrId + " appears twice");
				continue;
			}
			LocalDate end = null;
			String endText = endColumn >= 0 && endColumn < cells.size() ? cells.get(endColumn) : "";
			if (!endText.isEmpty()) {
				try {
					end = LocalDate.parse(endText);
				}
				catch (DateTimeParseException e) {
					errors.add("line " + lineNo + ": end_date is not an ISO date (yyyy-mm-dd): " + endText);
					continue;
				}
			}
			entries.add(new RosterEntry(lineNo, hrId, end));
		}
		if (!errors.isEmpty()) {
			throw new BadRoster(
					errors.size() + " bad line(s), nothing imported: "
							+ String.join("; ", errors.subList(0, Math.min(20, errors.size()))),
					errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
		}
		return entries;
	}

	private static String sha256(byte[] content) {
		return Sha256.hex(content);
	}

	/**
	 * Comma-separated cells, trimmed; a cell in double quotes may contain commas ("" is a
	 * quote).
	 */
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}

}
