package io.trunkguard.engagement.web;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.engagement.AuditEngagement;
import io.trunkguard.engagement.AuditPopulation;
import io.trunkguard.engagement.AuditPopulations;
import io.trunkguard.engagement.PopulationTable;
import io.trunkguard.reports.TableExport;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A population of an audit's period as a CSV or XLSX file (through {@link TableExport},
 * so every cell that looks like a formula stays text); each download audited as
 * {@code AUDIT_POPULATION_EXPORTED} with who, which audit, which population and how many
 * rows.
 */
@Component
class PopulationDownloads {

	static final String EXPORTED = "AUDIT_POPULATION_EXPORTED";

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AuditPopulations populations;

	private final AuditTrail trail;

	PopulationDownloads(AuditPopulations populations, AuditTrail trail) {
		this.populations = populations;
		this.trail = trail;
	}

	/** The population named {@code slug}, or a clear 400 naming the ones there are. */
	static AuditPopulation population(String slug) {
		AuditPopulation population = AuditPopulation.ofSlug(slug);
		if (population == null) {
			throw new InvalidInputException("audit.population-unknown",
					"There is no population \"" + slug + "\": choose one of "
							+ String.join(", ",
									Arrays.stream(AuditPopulation.values()).map(AuditPopulation::slug).toList())
							+ ".",
					Map.of("population", "unknown"));
		}
		return population;
	}

	PopulationTable table(AuditEngagement audit, AuditPopulation population) {
		return populations.table(population, audit.getPeriodFrom(), audit.getPeriodTo());
	}

	/** Records that {@code user} read the population as JSON (through the API). */
	void recordJson(AuditEngagement audit, AuditPopulation population, PopulationTable table, Authentication user) {
		record(audit, population, table, "json", user);
	}

	private void record(AuditEngagement audit, AuditPopulation population, PopulationTable table, String format,
			Authentication user) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("audit", audit.getName());
		details.put("population", population.label());
		details.put("from", audit.getPeriodFrom().toString());
		details.put("to", audit.getPeriodTo().toString());
		details.put("format", format);
		details.put("rows", table.rows().size());
		trail.record(user.getName(), EXPORTED, "Audit", audit.getId().toString(), details);
	}

	ResponseEntity<StreamingResponseBody> download(AuditEngagement audit, String slug, String format,
			Authentication user) {
		AuditPopulation population = population(slug);
		PopulationTable table = table(audit, population);
		record(audit, population, table, format, user);
		boolean xlsx = "xlsx".equals(format);
		String fileName = population.slug() + "-" + audit.getPeriodFrom() + "-to-" + audit.getPeriodTo() + "." + format;
		StreamingResponseBody body = out -> {
			if (xlsx) {
				TableExport.xlsx(population.label(), table.header(), table.rows(), out);
			}
			else {
				TableExport.csv(table.header(), table.rows(), out);
			}
		};
		return ResponseEntity.ok()
			.contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

}
