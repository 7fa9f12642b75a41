package io.trunkguard.engagement;

import io.trunkguard.shared.Labels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The populations of a period as tables of text an auditor reads (enum words from
 * {@link Labels}, times in UTC). The rows are those of {@link PeriodRecords}, the same
 * the evidence pack's workbooks list for the period, in the same words.
 */
@Service
@Transactional(readOnly = true)
public class AuditPopulations {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final PeriodRecords records;

	AuditPopulations(PeriodRecords records) {
		this.records = records;
	}

	/** The population over {@code from}..{@code to} (both days included). */
	public PopulationTable table(AuditPopulation population, LocalDate from, LocalDate to) {
		return switch (population) {
			case TERMINATIONS -> terminations(from, to);
			case REVIEW_DECISIONS -> reviewDecisions(from, to);
			case CARRIER_REVIEWS -> carrierReviews(from, to);
			case CAPTURES -> captures(from, to);
		};
	}

	private PopulationTable terminations(LocalDate from, LocalDate to) {
		List<List<String>> rows = new ArrayList<>();
		records.deprovisioningCases(from, to,
				c -> rows.add(List.of(text(c.username()), text(c.hrId()), time(c.effectiveAt()),
						time(c.lastAccessRemovedAt()),
						c.secondsToDeprovision() == null ? "" : duration(Duration.ofSeconds(c.secondsToDeprovision())),
						c.slaWords(), c.statusWords(), time(c.completedAt()))));
		return new PopulationTable(AuditPopulation.TERMINATIONS,
				List.of("Person (login)", "HR id", "Terminated at (UTC)", "Last access removed at (UTC)",
						"Time to deprovision", "SLA", "Case status", "Case closed at (UTC)"),
				rows);
	}

	private PopulationTable reviewDecisions(LocalDate from, LocalDate to) {
		List<List<String>> rows = new ArrayList<>();
		records.reviewDecisions(from, to,
				i -> rows.add(List.of(text(i.personName()), text(i.personUsername()), text(i.systemName()),
						text(i.entitlement()), i.decisionWords(), text(i.reducedTo()), text(i.justification()),
						text(i.decidedBy()), time(i.decidedAt()), text(i.campaign()))));
		return new PopulationTable(AuditPopulation.REVIEW_DECISIONS, List.of("Person", "Person (login)", "System",
				"Role", "Decision", "Reduced to", "Justification", "Reviewer", "Decided at (UTC)", "Campaign"), rows);
	}

	private PopulationTable carrierReviews(LocalDate from, LocalDate to) {
		List<List<String>> rows = new ArrayList<>();
		records.carrierReviews(from, to,
				r -> rows.add(List.of(text(r.carrier()), r.statusWords(), text(r.startedBy()), time(r.startedAt()),
						text(r.decidedBy()), time(r.decidedAt()), text(r.rationale()), text(r.encryptionStatus()),
						r.nextDue() == null ? "" : r.nextDue().toString())));
		return new PopulationTable(AuditPopulation.CARRIER_REVIEWS, List.of("Carrier", "Status", "Started by",
				"Started at (UTC)", "Decided by", "Decided at (UTC)", "Rationale", "Encryption", "Next review due"),
				rows);
	}

	private PopulationTable captures(LocalDate from, LocalDate to) {
		// per capture, its findings counted by rule and severity
		Map<UUID, Map<String, Integer>> findings = new LinkedHashMap<>();
		records.findings(from, to, f -> findings.computeIfAbsent(f.captureId(), k -> new LinkedHashMap<>())
			.merge(f.ruleWords() + " (" + f.severityWords(), 1, Integer::sum));
		List<List<String>> rows = new ArrayList<>();
		records.captures(from, to, c -> {
			List<String> found = findings.getOrDefault(c.id(), Map.of())
				.entrySet()
				.stream()
				.map(e -> e.getKey() + ", " + e.getValue() + ")")
				.sorted()
				.toList();
			rows.add(List.of(text(c.fileName()), c.carrier() == null ? "No carrier" : c.carrier(), time(c.trafficAt()),
					time(c.analysedAt()), c.verdict(), found.isEmpty() ? "None" : String.join("; ", found),
					text(c.headline()), text(c.sha256())));
		});
		return new PopulationTable(AuditPopulation.CAPTURES, List.of("Capture", "Carrier", "Traffic from (UTC)",
				"Analysed at (UTC)", "Verdict", "Findings", "Summary", "SHA-256"), rows);
	}

	static String duration(Duration d) {
		long minutes = d.toMinutes();
		if (minutes < 120) {
			return minutes + " min";
		}
		long hours = d.toHours();
		return hours < 72 ? hours + " h " + (minutes % 60) + " min" : (hours / 24) + " days " + (hours % 24) + " h";
	}

	private static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
