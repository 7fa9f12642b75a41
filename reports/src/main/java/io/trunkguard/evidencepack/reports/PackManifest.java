package io.trunkguard.evidencepack.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trunkguard.evidencepack.AuditHead;

/**
 * {@code manifest.json}: the pack's scope, the audit trail head it carries, and every
 * file but the index and the manifest itself, with its SHA-256, size, criteria and
 * evidenced period. The index PDF prints the same list and records the manifest's own
 * SHA-256 (see {@link PackIndexPdf}), so the manifest is the machine-readable form of the
 * index's file list.
 */
final class PackManifest {

	static final String PATH = "manifest.json";

	static final String FORMAT = "trunkguard-evidence-pack/1";

	private static final JsonFactory JSON = new JsonFactory();

	private static final ObjectMapper READER = new ObjectMapper();

	record Content(String format, Instant generatedAt, String requestedBy, String auditName, List<String> criteria,
			LocalDate from, LocalDate to, AuditHead head, List<PackFile> files) {
	}

	private PackManifest() {
	}

	static void write(Content content, OutputStream out) throws IOException {
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
			json.useDefaultPrettyPrinter();
			json.writeStartObject();
			json.writeStringField("format", content.format());
			json.writeStringField("generatedAt", content.generatedAt().toString());
			json.writeStringField("requestedBy", content.requestedBy());
			json.writeStringField("audit", content.auditName());
			json.writeArrayFieldStart("criteria");
			for (String criterion : content.criteria()) {
				json.writeString(criterion);
			}
			json.writeEndArray();
			json.writeObjectFieldStart("period");
			json.writeStringField("from", content.from().toString());
			json.writeStringField("to", content.to().toString());
			json.writeEndObject();
			json.writeObjectFieldStart("auditTrailHead");
			json.writeNumberField("sequence", content.head().sequence());
			json.writeStringField("hash", content.head().hash());
			json.writeEndObject();
			json.writeArrayFieldStart("files");
			for (PackFile file : content.files()) {
				json.writeStartObject();
				json.writeStringField("path", file.path());
				json.writeStringField("title", file.title());
				json.writeStringField("sha256", file.sha256());
				json.writeNumberField("size", file.sizeBytes());
				json.writeStringField("mediaType", file.mediaType());
				json.writeArrayFieldStart("controls");
				for (String control : file.controls()) {
					json.writeString(control);
				}
				json.writeEndArray();
				json.writeStringField("evidencedFrom", file.evidencedFrom().toString());
				json.writeStringField("evidencedTo", file.evidencedTo().toString());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/** Reads a manifest back; an {@link IOException} when it is not one. */
	static Content read(byte[] bytes) throws IOException {
		JsonNode root = READER.readTree(bytes);
		if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
			throw new IOException("it is not a Trunkguard evidence pack manifest (format " + FORMAT + ")");
		}
		List<PackFile> files = new ArrayList<>();
		for (JsonNode file : root.path("files")) {
			List<String> controls = new ArrayList<>();
			file.path("controls").forEach(c -> controls.add(c.asText()));
			files.add(new PackFile(text(file, "path"), file.path("title").asText(""), text(file, "sha256"),
					file.path("size").asLong(-1), file.path("mediaType").asText(""), controls,
					LocalDate.parse(text(file, "evidencedFrom")), LocalDate.parse(text(file, "evidencedTo"))));
		}
		List<String> criteria = new ArrayList<>();
		root.path("criteria").forEach(c -> criteria.add(c.asText()));
		JsonNode head = root.path("auditTrailHead");
		if (!head.path("sequence").canConvertToLong() || !head.path("hash").isTextual()) {
			throw new IOException("the manifest names no audit trail head");
		}
		return new Content(FORMAT, Instant.parse(text(root, "generatedAt")), root.path("requestedBy").asText(""),
				root.path("audit").isTextual() ? root.path("audit").asText() : null, criteria,
				LocalDate.parse(text(root.path("period"), "from")), LocalDate.parse(text(root.path("period"), "to")),
				new AuditHead(head.path("sequence").asLong(), head.path("hash").asText()), files);
	}

	private static String text(JsonNode node, String field) throws IOException {
		JsonNode value = node.path(field);
		if (!value.isTextual()) {
			throw new IOException("the manifest has no '" + field + "'");
		}
		return value.asText();
	}

}
