package io.trunkguard.deprovisioning.integration.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the webhook's JSON:
 * {@code {"eventId": "...", "hrId": "...", "effectiveAt": "2026-11-26T17:00:00Z", "type":
 * "termination"}} ({@code type} optional). Anything else is a {@link BadEvent} naming
 * every problem.
 */
public final class TerminationEventParser {

	/** The event cannot be read; the message names every problem. */
	public static final class BadEvent extends Exception {

		BadEvent(String message) {
			super(message);
		}

	}

	private final ObjectMapper json;

	public TerminationEventParser(ObjectMapper json) {
		this.json = json;
	}

	public TerminationNotice parse(byte[] body, TerminationSource source, String receivedBy) throws BadEvent {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JsonProcessingException e) {
			throw new BadEvent("the body is not valid JSON: " + e.getOriginalMessage());
		}
		catch (IOException e) {
			throw new BadEvent("the body cannot be read: " + e.getMessage());
		}
		if (root == null || !root.isObject()) {
			throw new BadEvent("the body must be a JSON object");
		}
		List<String> problems = new ArrayList<>();
		String eventId = text(root, "eventId", 200, problems);
		String hrId = text(root, "hrId", 64, problems);
		Instant effectiveAt = null;
		JsonNode at = root.get("effectiveAt");
		if (at == null || !at.isTextual()) {
			problems.add("effectiveAt is required (ISO-8601 with offset, e.g. 2026-11-26T17:00:00Z)");
		}
		else {
			try {
				effectiveAt = OffsetDateTime.parse(at.asText()).toInstant();
			}
			catch (DateTimeParseException e) {
				problems.add("effectiveAt is not an ISO-8601 date-time with offset: " + at.asText());
			}
		}
		JsonNode type = root.get("type");
		if (type != null && !"termination".equals(type.asText())) {
			problems.add("type must be 'termination'");
		}
		if (!problems.isEmpty()) {
			throw new BadEvent(String.join("; ", problems));
		}
		return new TerminationNotice(eventId, hrId, effectiveAt, source, receivedBy);
	}

	private static String text(JsonNode root, String field, int max, List<String> problems) {
		JsonNode node = root.get(field);
		if (node == null || !node.isTextual() || node.asText().isBlank()) {
			problems.add(field + " is required (a non-empty string)");
			return null;
		}
		if (node.asText().length() > max) {
			problems.add(field + " is longer than " + max + " characters");
			return null;
		}
		return node.asText().strip();
	}

}
