package io.trunkguard.analyzer.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates JSON against the subset of JSON Schema 2020-12 that trace-report.schema.json
 * uses: type (single or list), properties, required, additionalProperties (false or a
 * schema), items, enum, const, pattern, minimum, maximum, anyOf and local $ref. Anything
 * else in a schema is an error, so the schema cannot silently use a keyword this
 * validator ignores.
 */
public final class SchemaValidator {

	private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "properties",
			"required", "additionalProperties", "items", "enum", "const", "pattern", "minimum", "maximum", "anyOf",
			"$ref", "$defs");

	private final JsonNode root;

	public SchemaValidator(JsonNode schema) {
		this.root = schema;
	}

	/** Violations, each with its JSON path; empty when valid. */
	public List<String> validate(JsonNode value) {
		List<String> errors = new ArrayList<>();
		check(root, value, "$", errors);
		return errors;
	}

	private void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
		Iterator<String> names = schema.fieldNames();
		while (names.hasNext()) {
			String n = names.next();
			if (!KNOWN.contains(n)) {
				errors.add(path + ": schema uses unsupported keyword " + n);
			}
		}
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asText();
			if (!ref.startsWith("#/$defs/")) {
				errors.add(path + ": unsupported $ref " + ref);
				return;
			}
			check(root.get("$defs").get(ref.substring(8)), v, path, errors);
		}
		if (schema.has("anyOf")) {
			boolean any = false;
			for (JsonNode alt : schema.get("anyOf")) {
				if (new SchemaValidator(root).checkQuiet(alt, v, path)) {
					any = true;
					break;
				}
			}
			if (!any) {
				errors.add(path + ": matches none of anyOf");
			}
		}
		if (schema.has("type") && !typeMatches(schema.get("type"), v)) {
			errors.add(path + ": expected type " + schema.get("type") + " but was " + v.getNodeType());
			return;
		}
		if (schema.has("const") && !schema.get("const").equals(v)) {
			errors.add(path + ": expected " + schema.get("const") + " but was " + v);
		}
		if (schema.has("enum")) {
			boolean found = false;
			for (JsonNode e : schema.get("enum")) {
				found |= e.equals(v) || e.isNull() && v.isNull();
			}
			if (!found) {
				errors.add(path + ": " + v + " not in " + schema.get("enum"));
			}
		}
		if (schema.has("pattern") && v.isTextual()
				&& !Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
			errors.add(path + ": '" + v.asText() + "' does not match " + schema.get("pattern").asText());
		}
		if (schema.has("minimum") && v.isNumber() && v.asDouble() < schema.get("minimum").asDouble()) {
			errors.add(path + ": " + v + " below minimum " + schema.get("minimum"));
		}
		if (schema.has("maximum") && v.isNumber() && v.asDouble() > schema.get("maximum").asDouble()) {
			errors.add(path + ": " + v + " above maximum " + schema.get("maximum"));
		}
		if (v.isObject()) {
			JsonNode props = schema.get("properties");
			if (schema.has("required")) {
				for (JsonNode r : schema.get("required")) {
					if (!v.has(r.asText())) {
						errors.add(path + ": missing required property " + r.asText());
					}
				}
			}
			Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> f = fields.next();
				String p = path + "." + f.getKey();
				if (props != null && props.has(f.getKey())) {
					check(props.get(f.getKey()), f.getValue(), p, errors);
				}
				else if (schema.has("additionalProperties")) {
					JsonNode ap = schema.get("additionalProperties");
					if (ap.isBoolean() && !ap.asBoolean()) {
						errors.add(p + ": property not allowed by the schema");
					}
					else if (ap.isObject()) {
						check(ap, f.getValue(), p, errors);
					}
				}
			}
		}
		if (v.isArray() && schema.has("items")) {
			for (int i = 0; i < v.size(); i++) {
				check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
			}
		}
	}

	private boolean checkQuiet(JsonNode schema, JsonNode v, String path) {
		List<String> errors = new ArrayList<>();
		check(schema, v, path, errors);
		return errors.isEmpty();
	}

	private static boolean typeMatches(JsonNode type, JsonNode v) {
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (typeMatches(t, v)) {
					return true;
				}
			}
			return false;
		}
		return switch (type.asText()) {
			case "object" -> v.isObject();
			case "array" -> v.isArray();
			case "string" -> v.isTextual();
			case "integer" -> v.isIntegralNumber();
			case "number" -> v.isNumber();
			case "boolean" -> v.isBoolean();
			case "null" -> v.isNull();
			default -> false;
		};
	}

}
