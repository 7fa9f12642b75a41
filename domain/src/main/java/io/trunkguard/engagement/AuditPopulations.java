package io.trunkguard.engagement;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningOverview;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.SlaClock;
import io.trunkguard.review.Decision;
import io.trunkguard.shared.Labels;
import io.trunkguard.vendorreview.ReviewStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The populations of a period as tables of text an auditor reads (enum words from
 * {@link Labels}, times in UTC). Terminations come from the deprovisioning module, which
 * owns the SLA; review decisions, carrier reviews and captures are read-only queries over
 * those modules' tables (a reporting read, one query per population rather than loading
 * every aggregate).
 */
@Service
@Transactional(readOnly = true)
public class AuditPopulations {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final DeprovisioningOverview deprovisioning;

	private final JdbcClient jdbc;

	AuditPopulations(DeprovisioningOverview deprovisioning, JdbcClient jdbc) {
		this.deprovisioning = deprovisioning;
		this.jdbc = jdbc;
	}

	/** The population over {@code from}..{@code to} (both days included). */
	public PopulationTable table(AuditPopulation population, LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return switch (population) {
			case TERMINATIONS -> terminations(from, to);
			case REVIEW_DECISIONS -> reviewDecisions(start, end);
			case CARRIER_REVIEWS -> carrierReviews(start, end);
			case CAPTURES -> captures(start, end);
		};
	}

	private PopulationTable terminations(LocalDate from, LocalDate to) {
		Map<Object, SlaClock> open = deprovisioning.openCases()
			.stream()
			.collect(Collectors.toMap(c -> c.deprovisioningCase().getId(), c -> c, (a, b) -> a));
		List<List<String>> rows = new ArrayList<>();
		for (DeprovisioningCase c : deprovisioning.casesOf(new DeprovisioningPeriod(from, to))) {
			String sla;
			if (c.isOpen()) {
				SlaClock clock = open.get(c.getId());
				sla = clock != null && clock.overdue() ? "Missed (access still not removed)" : "Open, within the SLA";
			}
			else {
				sla = c.getSlaMet() == null ? "Not measured" : c.getSlaMet() ? "Met" : "Missed";
			}
			rows.add(List.of(text(c.getUsername()), text(c.getHrId()), time(c.getEffectiveAt()),
					time(c.getLastAccessRemovedAt()), c.timeToDeprovision().map(AuditPopulations::duration).orElse(""),
					sla, Labels.capitalisedLabel(c.getStatus()), time(c.getCompletedAt())));
		}
		return new PopulationTable(AuditPopulation.TERMINATIONS,
				List.of("Person (login)", "HR id", "Terminated at (UTC)", "Last access removed at (UTC)",
						"Time to deprovision", "SLA", "Case status", "Case closed at (UTC)"),
				rows);
	}

	private PopulationTable reviewDecisions(Instant start, Instant end) {
		List<List<String>> rows = jdbc.sql("""
				select i.person_name, i.person_username, i.system_name, i.entitlement, i.decision, i.reduced_to,
				       i.justification, i.decided_by, i.decided_at, c.name as campaign
				from review_item i join review_campaign c on c.id = i.campaign_id
				where i.decided_at >= :start and i.decided_at < :end
				order by i.decided_at, i.id""")
			.param("start", start.atOffset(ZoneOffset.UTC))
			.param("end", end.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> List.of(text(rs.getString("person_name")), text(rs.getString("person_username")),
					text(rs.getString("system_name")), text(rs.getString("entitlement")),
					decision(rs.getString("decision")), text(rs.getString("reduced_to")),
					text(rs.getString("justification")), text(rs.getString("decided_by")),
					time(instant(rs, "decided_at")), text(rs.getString("campaign"))))
			.list();
		return new PopulationTable(AuditPopulation.REVIEW_DECISIONS, List.of("Person", "Person (login)", "System",
				"Role", "Decision", "Reduced to", "Justification", "Reviewer", "Decided at (UTC)", "Campaign"), rows);
	}

	private PopulationTable carrierReviews(Instant start, Instant end) {
		List<List<String>> rows = jdbc.sql("""
				select v.name, r.status, r.started_by, r.started_at, r.decided_by, r.decided_at, r.rationale,
				       r.encryption_status, r.next_due_on
				from vendor_review r join vendor v on v.id = r.vendor_id
				where (r.decided_at >= :start and r.decided_at < :end)
				   or (r.started_at >= :start and r.started_at < :end)
				order by coalesce(r.decided_at, r.started_at), r.id""")
			.param("start", start.atOffset(ZoneOffset.UTC))
			.param("end", end.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> List.of(text(rs.getString("name")), reviewStatus(rs.getString("status")),
					text(rs.getString("started_by")), time(instant(rs, "started_at")), text(rs.getString("decided_by")),
					time(instant(rs, "decided_at")), text(rs.getString("rationale")),
					text(rs.getString("encryption_status")),
					rs.getDate("next_due_on") == null ? "" : rs.getDate("next_due_on").toLocalDate().toString()))
			.list();
		return new PopulationTable(AuditPopulation.CARRIER_REVIEWS, List.of("Carrier", "Status", "Started by",
				"Started at (UTC)", "Decided by", "Decided at (UTC)", "Rationale", "Encryption", "Next review due"),
				rows);
	}

	private PopulationTable captures(Instant start, Instant end) {
		Map<String, List<String>> findings = new LinkedHashMap<>();
		jdbc.sql("""
				select f.capture_id, f.rule_id, f.severity, count(*) as n
				from capture_finding f join capture c on c.id = f.capture_id
				where c.status = 'DONE' and coalesce(c.first_packet_at, c.uploaded_at) >= :start
				  and coalesce(c.first_packet_at, c.uploaded_at) < :end
				group by f.capture_id, f.rule_id, f.severity
				order by f.capture_id, f.severity, f.rule_id""")
			.param("start", start.atOffset(ZoneOffset.UTC))
			.param("end", end.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				findings.computeIfAbsent(rs.getString("capture_id"), k -> new ArrayList<>())
					.add(capitalised(Labels.humanised(rs.getString("rule_id"))) + " ("
							+ Labels.humanised(rs.getString("severity")) + ", " + rs.getLong("n") + ")");
				return 0;
			})
			.list();
		List<List<String>> rows = jdbc.sql("""
				select c.id, c.file_name, c.sha256, v.name as carrier, c.first_packet_at, c.uploaded_at, c.analysed_at,
				       c.leg_count, c.encrypted_legs, c.partly_encrypted_legs, c.headline
				from capture c left join vendor v on v.id = c.vendor_id
				where c.status = 'DONE' and coalesce(c.first_packet_at, c.uploaded_at) >= :start
				  and coalesce(c.first_packet_at, c.uploaded_at) < :end
				order by coalesce(c.first_packet_at, c.uploaded_at), c.id""")
			.param("start", start.atOffset(ZoneOffset.UTC))
			.param("end", end.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				Instant taken = instant(rs, "first_packet_at");
				List<String> found = findings.getOrDefault(rs.getString("id"), List.of());
				return List.of(text(rs.getString("file_name")),
						rs.getString("carrier") == null ? "No carrier" : rs.getString("carrier"),
						time(taken != null ? taken : instant(rs, "uploaded_at")), time(instant(rs, "analysed_at")),
						verdict(rs), found.isEmpty() ? "None" : String.join("; ", found),
						text(rs.getString("headline")), text(rs.getString("sha256")));
			})
			.list();
		return new PopulationTable(AuditPopulation.CAPTURES, List.of("Capture", "Carrier", "Traffic from (UTC)",
				"Analysed at (UTC)", "Verdict", "Findings", "Summary", "SHA-256"), rows);
	}

	private static String verdict(ResultSet rs) throws SQLException {
		int legs = rs.getInt("leg_count");
		int encrypted = rs.getInt("encrypted_legs");
		int partly = rs.getInt("partly_encrypted_legs");
		if (legs == 0) {
			return "No calls seen";
		}
		int unencrypted = legs - encrypted - partly;
		if (unencrypted > 0) {
			return unencrypted + " of " + legs + " legs unencrypted";
		}
		if (partly > 0) {
			return partly + " of " + legs + " legs partly encrypted";
		}
		return "All " + legs + " legs encrypted";
	}

	private static String decision(String constant) {
		if (constant == null) {
			return "";
		}
		try {
			return Labels.capitalisedLabel(Decision.valueOf(constant));
		}
		catch (IllegalArgumentException unknown) {
			return capitalised(Labels.humanised(constant));
		}
	}

	private static String reviewStatus(String constant) {
		try {
			return Labels.capitalisedLabel(ReviewStatus.valueOf(constant));
		}
		catch (IllegalArgumentException | NullPointerException unknown) {
			return constant == null ? "" : capitalised(Labels.humanised(constant));
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
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

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
