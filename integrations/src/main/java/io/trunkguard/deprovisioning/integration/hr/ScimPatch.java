package io.trunkguard.deprovisioning.integration.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * Reads a SCIM 2.0 PATCH of a User (RFC 7644 3.5.2) as much as deprovisioning needs: only
 * {@code active} may change, and only to false. Anything else is a {@link BadPatch} with
 * the SCIM error type ({@code invalidSyntax}, {@code invalidPath}, {@code invalidValue},
 * {@code mutability}).
 */
public final class ScimPatch {

	public static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	/** The patch cannot be applied: its SCIM error type and why. */
	public static final class BadPatch extends Exception {

		private final String scimType;

		BadPatch(String scimType, String detail) {
			super(detail);
			this.scimType = scimType;
		}

		public String scimType() {
			return scimType;
		}

	}

	private final ObjectMapper json;

	public ScimPatch(ObjectMapper json) {
		this.json = json;
	}

	/** Whether the patch deactivates the user; refused if it asks for anything else. */
	public boolean deactivates(byte[] body) throws BadPatch {
		return deactivates(operations(body));
	}

	private List<JsonNode> operations(byte[] body) throws BadPatch {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JsonProcessingException e) {
			throw new BadPatch("invalidSyntax", "the body is not valid JSON: " + e.getOriginalMessage());
		}
		catch (IOException e) {
			throw new BadPatch("invalidSyntax", "the body cannot be read");
		}
		if (root == null || !root.isObject()) {
			throw new BadPatch("invalidSyntax", "the body must be a JSON object");
		}
		JsonNode schemas = root.get("schemas");
		boolean patchOp = schemas != null && schemas.isArray()
				&& StreamSupport.stream(schemas.spliterator(), false).anyMatch(s -> PATCH_SCHEMA.equals(s.asText()));
		if (!patchOp) {
			throw new BadPatch("invalidSyntax", "schemas must contain " + PATCH_SCHEMA);
		}
		JsonNode operations = root.get("Operations");
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw new BadPatch("invalidSyntax", "Operations must be a non-empty array");
		}
		return StreamSupport.stream(operations.spliterator(), false).toList();
	}

	private static boolean deactivates(List<JsonNode> operations) throws BadPatch {
		boolean deactivate = false;
		for (JsonNode op : operations) {
			String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
			if (!kind.equals("replace") && !kind.equals("add")) {
				throw new BadPatch(kind.equals("remove") ? "mutability" : "invalidSyntax",
						"only 'replace' (or 'add') of 'active' is supported, not '" + op.path("op").asText() + "'");
			}
			JsonNode value;
			if (op.hasNonNull("path")) {
				if (!"active".equalsIgnoreCase(op.get("path").asText())) {
					throw new BadPatch("invalidPath",
							"only the attribute 'active' can be changed, not '" + op.get("path").asText() + "'");
				}
				value = op.get("value");
			}
			else {
				JsonNode object = op.get("value");
				if (object == null || !object.isObject()) {
					throw new BadPatch("invalidSyntax", "an operation without path needs an object value");
				}
				Iterator<String> names = object.fieldNames();
				while (names.hasNext()) {
					String name = names.next();
					if (!"active".equalsIgnoreCase(name)) {
						throw new BadPatch("invalidPath",
								"only the attribute 'active' can be changed, not '" + name + "'");
					}
				}
				value = object.get("active");
				if (value == null) {
					value = object.get("Active");
				}
			}
			Boolean active = bool(value);
			if (active == null) {
				throw new BadPatch("invalidValue", "active must be a boolean");
			}
			if (active) {
				throw new BadPatch("invalidValue",
						"reactivation is not done through SCIM: a leaver is re-hired in the HR system");
			}
			deactivate = true;
		}
		return deactivate;
	}

	/** A boolean, also as the strings "true"/"false" (which some IdPs send). */
	private static Boolean bool(JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isTextual()
				&& (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
		}
		return null;
	}

}
