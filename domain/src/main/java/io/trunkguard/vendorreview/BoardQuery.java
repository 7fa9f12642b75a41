package io.trunkguard.vendorreview;

import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireState;
import io.trunkguard.vendor.AuditPeriod;
import io.trunkguard.vendor.EncryptionState;
import io.trunkguard.vendor.EncryptionStatus;
import io.trunkguard.vendor.ReportCoverage;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.SocReportFacts.ReportType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The carrier board in two queries of plain columns: every carrier with its latest
 * decided review, running review, newest SOC report, newest questionnaire and open
 * conditions; and the dates still ahead (documents, contract ends, the notice deadlines
 * of auto-renewing contracts). No entity is loaded.
 * <p>
 * On PostgreSQL the board reads the "newest per carrier" values from
 * {@code vendor_board_summary}, which triggers keep in step with the history (V350,
 * {@link CarrierBoardSummaryMigration}): one row per carrier, however many years of
 * reviews, reports and questionnaires there are. {@link #CARRIERS_POSTGRES} is the same
 * read straight from the history (a {@code LATERAL ... LIMIT 1} index probe per carrier
 * and table, V271), kept for the bench and the test that compares the two. H2 (the
 * embedded default, a handful of carriers) has no {@code LATERAL}: it ranks the rows with
 * {@code row_number()}, which reads every row of the four tables.
 */
@Component
class BoardQuery {

	static final String CARRIERS_POSTGRES = """
			select v.id, v.name, v.risk_tier, v.created_at, v.encryption_status, v.encryption_observed_at,
			       v.encryption_basis, d.decided_at, d.next_due_on, p.running_id, r.report_type, r.period_start,
			       r.period_end, r.bridge_from, r.bridge_to, q.expires_at, q.first_opened_at, q.last_saved_at,
			       q.submitted_at, q.revoked_at, coalesce(c.open_conditions, 0) as open_conditions
			from vendor v
			left join lateral (select decided_at, next_due_on from vendor_review
			                   where vendor_id = v.id and decided_at is not null
			                   order by decided_at desc limit 1) d on true
			left join lateral (select id as running_id from vendor_review
			                   where vendor_id = v.id and status = 'IN_PROGRESS'
			                   order by started_at desc limit 1) p on true
			left join lateral (select report_type, period_start, period_end, bridge_from, bridge_to
			                   from vendor_soc_report where vendor_id = v.id
			                   order by period_end desc, reviewed_at desc limit 1) r on true
			left join lateral (select expires_at, first_opened_at, last_saved_at, submitted_at, revoked_at
			                   from questionnaire where vendor_id = v.id
			                   order by sent_at desc limit 1) q on true
			left join (select vendor_id, count(*) as open_conditions from vendor_review_condition
			           where closed_at is null group by vendor_id) c on c.vendor_id = v.id
			""";

	/**
	 * The board on PostgreSQL: each carrier with its row of {@code vendor_board_summary},
	 * kept by triggers to what {@link #CARRIERS_POSTGRES} would read
	 * ({@link CarrierBoardSummaryMigration}).
	 */
	static final String CARRIERS_SUMMARY = """
			select v.id, v.name, v.risk_tier, v.created_at, v.encryption_status, v.encryption_observed_at,
			       v.encryption_basis, s.decided_at, s.next_due_on, s.running_id, s.report_type, s.period_start,
			       s.period_end, s.bridge_from, s.bridge_to, s.expires_at, s.first_opened_at, s.last_saved_at,
			       s.submitted_at, s.revoked_at, coalesce(s.open_conditions, 0) as open_conditions
			from vendor v
			left join vendor_board_summary s on s.vendor_id = v.id
			""";

	static final String CARRIERS_RANKED = """
			select v.id, v.name, v.risk_tier, v.created_at, v.encryption_status, v.encryption_observed_at,
			       v.encryption_basis, d.decided_at, d.next_due_on, p.running_id, r.report_type, r.period_start,
			       r.period_end, r.bridge_from, r.bridge_to, q.expires_at, q.first_opened_at, q.last_saved_at,
			       q.submitted_at, q.revoked_at, coalesce(c.open_conditions, 0) as open_conditions
			from vendor v
			left join (select vendor_id, decided_at, next_due_on,
			                  row_number() over (partition by vendor_id order by decided_at desc) as rn
			           from vendor_review where decided_at is not null) d on d.vendor_id = v.id and d.rn = 1
			left join (select vendor_id, id as running_id,
			                  row_number() over (partition by vendor_id order by started_at desc) as rn
			           from vendor_review where status = 'IN_PROGRESS') p on p.vendor_id = v.id and p.rn = 1
			left join (select vendor_id, report_type, period_start, period_end, bridge_from, bridge_to,
			                  row_number() over (partition by vendor_id order by period_end desc, reviewed_at desc) as rn
			           from vendor_soc_report) r on r.vendor_id = v.id and r.rn = 1
			left join (select vendor_id, expires_at, first_opened_at, last_saved_at, submitted_at, revoked_at,
			                  row_number() over (partition by vendor_id order by sent_at desc) as rn
			           from questionnaire) q on q.vendor_id = v.id and q.rn = 1
			left join (select vendor_id, count(*) as open_conditions from vendor_review_condition
			           where closed_at is null group by vendor_id) c on c.vendor_id = v.id
			""";

	/**
	 * Documents and contracts whose end is ahead; an auto-renewing contract counts by its
	 * notice deadline (end minus notice period), worked out in Java.
	 */
	static final String ENDS = """
			select vendor_id, kind, title, valid_until as ends_on, 0 as notice_days, false as auto_renews
			from vendor_document where valid_until >= ?
			union all
			select vendor_id, 'CONTRACT_END' as kind, title, ends_on, notice_days, auto_renews from vendor_contract
			where ends_on >= ?
			""";

	private final JdbcTemplate jdbc;

	private volatile String carriers;

	BoardQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The carriers query for the database in use (see the class comment). */
	String carriersQuery() {
		String query = carriers;
		if (query == null) {
			String product = jdbc
				.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData()
					.getDatabaseProductName());
			query = "PostgreSQL".equalsIgnoreCase(product) ? CARRIERS_SUMMARY : CARRIERS_RANKED;
			carriers = query;
		}
		return query;
	}

	/** What expires next per carrier: the description and the date. */
	record NextEnd(String what, LocalDate on) {
	}

	List<BoardRow> rows(LocalDate today, Instant now, AuditPeriod auditPeriod, int dueSoonDays,
			Function<RiskTier, Period> cadence) {
		Map<String, NextEnd> ends = new HashMap<>();
		jdbc.query(ENDS, rs -> {
			String vendorId = rs.getObject("vendor_id").toString();
			LocalDate on = date(rs, "ends_on");
			String kind = rs.getString("kind");
			NextEnd end;
			if (!"CONTRACT_END".equals(kind)) {
				end = new NextEnd(kind.replace('_', ' ') + " \"" + rs.getString("title") + "\"", on);
			}
			else if (rs.getBoolean("auto_renews")) {
				// it renews itself: the date that matters is the last day to give notice
				LocalDate deadline = on.minusDays(rs.getInt("notice_days"));
				if (deadline.isBefore(today)) {
					return;
				}
				end = new NextEnd("Notice deadline of contract \"" + rs.getString("title") + "\"", deadline);
			}
			else {
				end = new NextEnd("Contract \"" + rs.getString("title") + "\"", on);
			}
			ends.merge(vendorId, end, (a, b) -> b.on().isBefore(a.on()) ? b : a);
		}, Date.valueOf(today), Date.valueOf(today));
		List<BoardRow> rows = new ArrayList<>();
		jdbc.query(carriersQuery(), rs -> {
			rows.add(row(rs, today, now, auditPeriod, dueSoonDays, cadence, ends));
		});
		return rows;
	}

	private static BoardRow row(ResultSet rs, LocalDate today, Instant now, AuditPeriod auditPeriod, int dueSoonDays,
			Function<RiskTier, Period> cadence, Map<String, NextEnd> ends) throws SQLException {
		String id = rs.getObject("id").toString();
		RiskTier tier = RiskTier.valueOf(rs.getString("risk_tier"));
		Instant decidedAt = instant(rs, "decided_at");
		LocalDate nextDueOn = date(rs, "next_due_on");
		LocalDate due = decidedAt == null ? instant(rs, "created_at").atZone(ZoneOffset.UTC).toLocalDate()
				: nextDueOn != null ? nextDueOn
						: decidedAt.atZone(ZoneOffset.UTC).toLocalDate().plus(cadence.apply(tier));
		Object running = rs.getObject("running_id");
		BoardState state = today.isAfter(due) ? BoardState.OVERDUE : running != null ? BoardState.IN_PROGRESS
				: !due.isAfter(today.plusDays(dueSoonDays)) ? BoardState.DUE_SOON : BoardState.UP_TO_DATE;
		LocalDate periodEnd = date(rs, "period_end");
		LocalDate bridgeTo = date(rs, "bridge_to");
		ReportCoverage coverage = periodEnd == null ? ReportCoverage.noReport(auditPeriod, today)
				: ReportCoverage.check(ReportType.valueOf(rs.getString("report_type")), date(rs, "period_start"),
						periodEnd, date(rs, "bridge_from"), bridgeTo, auditPeriod, today);
		NextEnd next = ends.get(id);
		if (bridgeTo != null && !bridgeTo.isBefore(today) && (next == null || bridgeTo.isBefore(next.on()))) {
			next = new NextEnd("Bridge letter", bridgeTo);
		}
		Instant expiresAt = instant(rs, "expires_at");
		String questionnaire = "None sent";
		if (expiresAt != null) {
			QuestionnaireState q = Questionnaire.stateOf(instant(rs, "submitted_at"), instant(rs, "revoked_at"),
					expiresAt, instant(rs, "last_saved_at"), instant(rs, "first_opened_at"), now);
			questionnaire = q.label()
					+ (q.isOpen() ? ", " + Math.max(0, Duration.between(now, expiresAt).toDays()) + " days left" : "");
		}
		EncryptionStatus encryption = EncryptionStatus.valueOf(rs.getString("encryption_status"));
		Instant observedAt = instant(rs, "encryption_observed_at");
		EncryptionState encryptionState = encryption == EncryptionStatus.NO_CAPTURE_ANALYSED && observedAt == null
				? EncryptionState.NONE
				: new EncryptionState(encryption, observedAt, rs.getString("encryption_basis"), null);
		return new BoardRow(id, rs.getString("name"), tier.name(), state, due, questionnaire,
				next == null ? null : next.what() + " on " + next.on(), next == null ? null : next.on(),
				!coverage.covered(), coverage.summary(), encryptionState.describe(), rs.getInt("open_conditions"),
				running == null ? null : running.toString());
	}

	// java.time straight from the driver: getTimestamp/getDate go through a Calendar per
	// value, a fifth of the board's row mapping (JFR, issue 9's bench)
	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

}
