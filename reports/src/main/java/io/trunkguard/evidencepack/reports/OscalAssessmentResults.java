package io.trunkguard.evidencepack.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.trunkguard.control.Gap;

/**
 * {@code oscal/assessment-results.json}: the pack as an OSCAL 1.1.2 assessment-results
 * document, so GRC tools that read OSCAL can take it in. One result per criterion (its
 * period, the control reviewed, an observation per file that evidences it and one for the
 * computed status, and a finding whose target is satisfied or not-satisfied, gaps named);
 * every file of the pack is a back-matter resource whose rlink carries the file's path
 * and SHA-256. There is no separate assessment plan: {@code import-ap} points to a
 * resource that says the results come from Trunkguard's control checks. UUIDs are derived
 * from the pack's content (name-based, version 5), so the same pack gives the same
 * document.
 */
final class OscalAssessmentResults {

	static final String PATH = "oscal/assessment-results.json";

	static final String OSCAL_VERSION = "1.1.2";

	private static final JsonFactory JSON = new JsonFactory();

	private OscalAssessmentResults() {
	}

	static void write(PackManifest.Content pack, List<PackIndexPdf.Criterion> criteria, OutputStream out)
			throws IOException {
		String seed = pack.generatedAt() + "|" + pack.from() + "|" + pack.to() + "|" + pack.head().hash();
		Map<String, String> resourceIds = new LinkedHashMap<>();
		for (PackFile file : pack.files()) {
			resourceIds.put(file.path(), uuid(seed, "resource:" + file.path()));
		}
		String planId = uuid(seed, "resource:control-checks");
		String collected = time(pack.generatedAt());
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
			json.useDefaultPrettyPrinter();
			json.writeStartObject();
			json.writeObjectFieldStart("assessment-results");
			json.writeStringField("uuid", uuid(seed, "assessment-results"));
			json.writeObjectFieldStart("metadata");
			json.writeStringField("title", "Trunkguard evidence pack " + pack.from() + " to " + pack.to()
					+ (pack.auditName() == null ? "" : " (" + pack.auditName() + ")"));
			json.writeStringField("last-modified", collected);
			json.writeStringField("version", collected);
			json.writeStringField("oscal-version", OSCAL_VERSION);
			json.writeArrayFieldStart("props");
			prop(json, "audit-trail-head-sequence", String.valueOf(pack.head().sequence()));
			prop(json, "audit-trail-head-hash", pack.head().hash());
			json.writeEndArray();
			json.writeEndObject();
			json.writeObjectFieldStart("import-ap");
			json.writeStringField("href", "#" + planId);
			json.writeEndObject();
			json.writeArrayFieldStart("results");
			for (PackIndexPdf.Criterion criterion : criteria) {
				result(json, seed, pack, criterion, resourceIds, collected);
			}
			json.writeEndArray();
			json.writeObjectFieldStart("back-matter");
			json.writeArrayFieldStart("resources");
			json.writeStartObject();
			json.writeStringField("uuid", planId);
			json.writeStringField("title", "Trunkguard control checks");
			json.writeStringField("description", "No separate assessment plan: the results are Trunkguard's "
					+ "computed control statuses for the period, from its own records.");
			json.writeEndObject();
			for (PackFile file : pack.files()) {
				json.writeStartObject();
				json.writeStringField("uuid", resourceIds.get(file.path()));
				json.writeStringField("title", file.title());
				json.writeStringField("description",
						"Evidences " + String.join(", ", file.controls()) + " for "
								+ (file.evidencedFrom().equals(file.evidencedTo()) ? file.evidencedFrom().toString()
										: file.evidencedFrom() + " to " + file.evidencedTo())
								+ ".");
				json.writeArrayFieldStart("rlinks");
				json.writeStartObject();
				json.writeStringField("href", file.path());
				json.writeStringField("media-type", file.mediaType());
				json.writeArrayFieldStart("hashes");
				json.writeStartObject();
				json.writeStringField("algorithm", "SHA-256");
				json.writeStringField("value", file.sha256());
				json.writeEndObject();
				json.writeEndArray();
				json.writeEndObject();
				json.writeEndArray();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
			json.writeEndObject();
		}
	}

	private static void result(JsonGenerator json, String seed, PackManifest.Content pack,
			PackIndexPdf.Criterion criterion, Map<String, String> resourceIds, String collected) throws IOException {
		String code = criterion.control().getCode();
		String controlId = code.toLowerCase(Locale.ROOT);
		json.writeStartObject();
		json.writeStringField("uuid", uuid(seed, "result:" + code));
		json.writeStringField("title", code + " " + criterion.control().getTitle());
		json.writeStringField("description", criterion.control().getCriterion());
		json.writeStringField("start", time(start(pack.from())));
		json.writeStringField("end", time(start(pack.to().plusDays(1))));
		json.writeObjectFieldStart("reviewed-controls");
		json.writeArrayFieldStart("control-selections");
		json.writeStartObject();
		json.writeArrayFieldStart("include-controls");
		json.writeStartObject();
		json.writeStringField("control-id", controlId);
		json.writeEndObject();
		json.writeEndArray();
		json.writeEndObject();
		json.writeEndArray();
		json.writeEndObject();

		String statusObservation = uuid(seed, "observation:" + code + ":status");
		json.writeArrayFieldStart("observations");
		json.writeStartObject();
		json.writeStringField("uuid", statusObservation);
		json.writeStringField("title", code + " computed status");
		json.writeStringField("description", statusSentence(criterion));
		json.writeArrayFieldStart("methods");
		json.writeString("TEST");
		json.writeEndArray();
		json.writeStringField("collected", collected);
		json.writeEndObject();
		for (PackFile file : pack.files()) {
			if (!file.controls().contains(code)) {
				continue;
			}
			json.writeStartObject();
			json.writeStringField("uuid", uuid(seed, "observation:" + code + ":" + file.path()));
			json.writeStringField("title", file.title());
			json.writeStringField("description", "The file " + file.path() + " evidences " + code + ".");
			json.writeArrayFieldStart("methods");
			json.writeString("EXAMINE");
			json.writeEndArray();
			json.writeArrayFieldStart("relevant-evidence");
			json.writeStartObject();
			json.writeStringField("href", "#" + resourceIds.get(file.path()));
			json.writeStringField("description", file.path() + ", SHA-256 " + file.sha256());
			json.writeEndObject();
			json.writeEndArray();
			json.writeStringField("collected", collected);
			json.writeEndObject();
		}
		json.writeEndArray();

		json.writeArrayFieldStart("findings");
		json.writeStartObject();
		json.writeStringField("uuid", uuid(seed, "finding:" + code));
		json.writeStringField("title", code + ": " + criterion.status().state().label());
		json.writeStringField("description", statusSentence(criterion));
		json.writeObjectFieldStart("target");
		json.writeStringField("type", "objective-id");
		json.writeStringField("target-id", controlId + "_obj");
		json.writeObjectFieldStart("status");
		json.writeStringField("state", criterion.status().gaps().isEmpty() ? "satisfied" : "not-satisfied");
		json.writeEndObject();
		json.writeEndObject();
		json.writeArrayFieldStart("related-observations");
		json.writeStartObject();
		json.writeStringField("observation-uuid", statusObservation);
		json.writeEndObject();
		json.writeEndArray();
		json.writeEndObject();
		json.writeEndArray();
		json.writeEndObject();
	}

	private static String statusSentence(PackIndexPdf.Criterion criterion) {
		List<Gap> gaps = criterion.status().gaps();
		if (gaps.isEmpty()) {
			return "Every expected piece of evidence is there for the period: "
					+ String.join("; ", criterion.status().expectations()) + ".";
		}
		return gaps.size() + (gaps.size() == 1 ? " gap: " : " gaps: ")
				+ String.join("; ", gaps.stream().map(Gap::describe).toList()) + ".";
	}

	private static void prop(JsonGenerator json, String name, String value) throws IOException {
		json.writeStartObject();
		json.writeStringField("name", name);
		json.writeStringField("ns", "https://trunkguard.io/ns/oscal");
		json.writeStringField("value", value);
		json.writeEndObject();
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static String time(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** A version 5 (SHA-1, name-based) UUID, as OSCAL allows. */
	static String uuid(String seed, String name) {
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is required by every Java platform", e);
		}
		byte[] hash = sha1.digest((seed + "|" + name).getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (hash[i] & 0xff);
		}
		for (int i = 8; i < 16; i++) {
			lsb = (lsb << 8) | (hash[i] & 0xff);
		}
		return new UUID(msb, lsb).toString();
	}

}
