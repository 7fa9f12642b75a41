package io.trunkguard.audittrail.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trunkguard.audit.AuditActions;
import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.audit.LoginWords;
import io.trunkguard.reports.TableExport;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.Labels;

/**
 * The audit trail, newest first, filtered by period (ISO days, both included), actor and
 * action, with each entry's details as named fields; its export as CSV or XLSX (the same
 * filter, every matching entry, audited as {@code AUDIT_TRAIL_EXPORTED}); and its
 * verification (a read: it changes nothing, so auditors may run it).
 */
@Controller
class AuditTrailPages {

	static final String EXPORTED = "AUDIT_TRAIL_EXPORTED";

	static final int MAX_EXPORT = 100_000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final List<String> HEADER = List.of("Sequence", "When (UTC)", "Actor", "Action", "Subject",
			"Details", "Hash");

	private final AuditEntries entries;

	private final AuditChainVerifier verifier;

	private final AuditTrail trail;

	private final TrailNames names;

	private final ObjectMapper json;

	AuditTrailPages(AuditEntries entries, AuditChainVerifier verifier, AuditTrail trail, TrailNames names,
			ObjectMapper json) {
		this.entries = entries;
		this.verifier = verifier;
		this.trail = trail;
		this.names = names;
		this.json = json;
	}

	/** A filter of the trail, as the page's form sends it. */
	record Filter(String actor, String action, LocalDate from, LocalDate to) {

		static Filter of(String actor, String action, String from, String to) {
			Filter filter = new Filter(blankToNull(actor), action(action), day(from, "from"), day(to, "to"));
			if (filter.from != null && filter.to != null && filter.to.isBefore(filter.from)) {
				throw new InvalidInputException("audit.period",
						"The period ends (" + filter.to + ") before it starts (" + filter.from + "): swap the days.",
						Map.of("to", "before from"));
			}
			return filter;
		}

		Instant start() {
			return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
		}

		Instant end() {
			return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		}

		Map<String, Object> describe() {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("actor", actor == null ? "any" : actor);
			described.put("action", action == null ? "any" : action);
			described.put("from", from == null ? "the start" : from.toString());
			described.put("to", to == null ? "today" : to.toString());
			return described;
		}

		private static String action(String text) {
			String action = blankToNull(text);
			// "grant revoked" as typed by a person is GRANT_REVOKED
			return action == null ? null : action.replace(' ', '_').toUpperCase(Locale.ROOT);
		}

		private static LocalDate day(String text, String field) {
			String value = blankToNull(text);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException("audit.period", "'" + value + "' is not a day: write it as 2026-12-31.",
						Map.of(field, "not a day"));
			}
		}
	}

	/** One detail of an entry: its name and value in words. */
	record Field(String name, String value) {
	}

	/** An entry as the page shows it. */
	record Row(AuditEntry entry, String when, String action, String subject, List<Field> fields) {
	}

	@GetMapping("/audit")
	String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Filter filter;
		try {
			filter = Filter.of(actor, action, from, to);
		}
		catch (InvalidInputException e) {
			model.addAttribute("filterError", e.getMessage());
			filter = new Filter(blankToNull(actor), null, null, null);
		}
		Page<AuditEntry> found = search(filter, Math.max(page, 0), 50);
		TrailNames.Lookup lookup = names.lookup();
		model.addAttribute("entries", found);
		model.addAttribute("rows", found.getContent().stream().map(e -> row(e, lookup)).toList());
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "audit/trail";
	}

	@GetMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", verifier.verify());
		return trail(null, null, null, null, 0, model);
	}

	@GetMapping("/audit/export.csv")
	ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication user) {
		return export("csv", actor, action, from, to, user);
	}

	@GetMapping("/audit/export.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication user) {
		return export("xlsx", actor, action, from, to, user);
	}

	private ResponseEntity<StreamingResponseBody> export(String format, String actor, String action, String from,
			String to, Authentication user) {
		Filter filter = Filter.of(actor, action, from, to);
		long total = search(filter, 0, 1).getTotalElements();
		if (total > MAX_EXPORT) {
			throw new InvalidInputException("audit.export-too-large", "The filter matches " + total
					+ " entries; an export holds at most " + MAX_EXPORT + ": choose a shorter period.", Map.of());
		}
		Map<String, Object> details = filter.describe();
		details.put("format", format);
		details.put("entries", total);
		trail.record(user.getName(), EXPORTED, "AuditTrail", null, details);
		boolean xlsx = "xlsx".equals(format);
		String fileName = "audit-trail-" + (filter.from == null ? "start" : filter.from) + "-to-"
				+ (filter.to == null ? "today" : filter.to) + "." + format;
		StreamingResponseBody body = out -> write(filter, xlsx, out);
		return ResponseEntity.ok()
			.contentType(
					xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
							: new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

	private void write(Filter filter, boolean xlsx, OutputStream out) throws IOException {
		TrailNames.Lookup lookup = names.lookup();
		Iterable<List<String>> rows = () -> new Iterator<>() {

			int page = 0;

			Iterator<AuditEntry> current = List.<AuditEntry>of().iterator();

			boolean last = false;

			@Override
			public boolean hasNext() {
				while (!current.hasNext() && !last) {
					Page<AuditEntry> next = search(filter, page++, 500);
					current = next.getContent().iterator();
					last = !next.hasNext();
				}
				return current.hasNext();
			}

			@Override
			public List<String> next() {
				AuditEntry entry = current.next();
				Row row = row(entry, lookup);
				return List.of(String.valueOf(entry.getSequence()), row.when(), entry.getActor(), row.action(),
						row.subject(),
						String.join("; ", row.fields().stream().map(f -> f.name() + ": " + f.value()).toList()),
						entry.getHash());
			}
		};
		if (xlsx) {
			TableExport.xlsx("Audit trail", HEADER, rows, out);
		}
		else {
			TableExport.csv(HEADER, rows, out);
		}
	}

	private Page<AuditEntry> search(Filter filter, int page, int size) {
		return entries.search(filter.actor(), filter.action(), null, null, filter.start(), filter.end(),
				PageRequest.of(page, size));
	}

	private Row row(AuditEntry entry, TrailNames.Lookup lookup) {
		String subject = entry.getSubjectType() == null ? "" : Labels
			.withAcronyms(Labels.humanised(words(entry.getSubjectType())))
				+ (entry.getSubjectId() == null ? "" : " " + lookup.name(entry.getSubjectType(), entry.getSubjectId()));
		return new Row(entry, TIME.format(entry.getOccurredAt()),
				capitalised(Labels.withAcronyms(Labels.humanised(entry.getAction()))),
				subject.isEmpty() ? "" : capitalised(subject), fields(entry.getAction(), entry.getDetails(), lookup));
	}

	private List<Field> fields(String action, String details, TrailNames.Lookup lookup) {
		boolean login = AuditActions.LOGIN_SUCCEEDED.equals(action) || AuditActions.LOGIN_FAILED.equals(action);
		List<Field> fields = new ArrayList<>();
		if (details == null || details.isBlank()) {
			return fields;
		}
		JsonNode node;
		try {
			node = json.readTree(details);
		}
		catch (IOException | RuntimeException notJson) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			fields.add(new Field("Details", details));
			return fields;
		}
		node.fields().forEachRemaining(field -> {
			String key = field.getKey();
			JsonNode value = field.getValue();
			String text = inWords(key, value);
			if (login && value.isTextual()) {
				// older login entries name these by Spring Security's class names
				text = "method".equals(key) ? LoginWords.readMethod(text)
						: "reason".equals(key) ? LoginWords.readReason(text) : text;
			}
			String named = lookup.name(key, text);
			String label = Labels.withAcronyms(words(key));
			if (!named.equals(text) && label.endsWith(" id")) {
				label = label.substring(0, label.length() - 3);
			}
			fields.add(new Field(capitalised(label), "null".equals(text) ? "—" : Labels.constantsInWords(named)));
		});
		return fields;
	}

	private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern
		.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

	/**
	 * Keys that name a duration by the project's naming: "repeatsCountedFor", "window".
	 */
	private static final java.util.regex.Pattern DURATION_KEY = java.util.regex.Pattern
		.compile("(?i).*(for|window|duration|period)");

	/**
	 * A detail's value as a person reads it: a list of texts as "CC6.7, CC7.2" (not its
	 * JSON), a duration ({@code PT1M}, {@code P30D}) under a key that names one
	 * ("repeatsCountedFor") as "1 minute", "30 days"; anything else as recorded (a name
	 * typed as "PT1M" stays "PT1M").
	 */
	static String inWords(String key, JsonNode value) {
		if (value.isArray() && !value.isEmpty()) {
			List<String> items = new ArrayList<>();
			for (JsonNode item : value) {
				if (!item.isValueNode()) {
					return value.toString();
				}
				items.add(item.asText());
			}
			return String.join(", ", items);
		}
		String text = value.isValueNode() ? value.asText() : value.toString();
		java.util.regex.Matcher duration = DURATION.matcher(text);
		if (value.isTextual() && DURATION_KEY.matcher(key).matches() && text.length() > 2 && duration.matches()) {
			List<String> parts = new ArrayList<>();
			String[] units = { "day", "hour", "minute", "second" };
			for (int i = 0; i < units.length; i++) {
				String n = duration.group(i + 1);
				if (n != null) {
					parts.add(n + " " + units[i] + ("1".equals(n) ? "" : "s"));
				}
			}
			if (!parts.isEmpty()) {
				return String.join(" ", parts);
			}
		}
		return text;
	}

	/** {@code campaignId} or {@code campaign_id} as "campaign id". */
	static String words(String key) {
		return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT).trim();
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
