package io.trunkguard.evidencepack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records a pack's workbooks list, read row by row (the JDBC driver fetches
 * {@value #FETCH_SIZE} rows at a time, PostgreSQL inside the read-only transaction, so a
 * year of 50,000 review decisions never sits in the heap). A read model over the review,
 * deprovisioning, vendor, carrier review, trace and questionnaire tables, for exports
 * only: it changes nothing, and the modules' own services stay the way to change them.
 */
@Component
@Transactional(readOnly = true)
public class PackRecords {

	static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	PackRecords(JdbcTemplate jdbc) {
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	/**
	 * A review decision: the frozen snapshot of the grant and what its reviewer decided.
	 */
	public record ReviewDecisionRow(String campaign, String campaignPeriod, String personName, String personUsername,
			String systemName, String entitlement, boolean privileged, String reviewer, String routing, String decision,
			String reducedTo, String justification, String decidedBy, Instant decidedAt, String closure,
			String remediationStatus, Instant remediatedAt) {
	}

	/** A deprovisioning case: from the HR event to the last access removed. */
	public record DeprovisioningRow(String personName, String username, String hrId, String source, Instant effectiveAt,
			Instant receivedAt, Instant lastAccessRemovedAt, Long secondsToDeprovision, Boolean slaMet, String status,
			Instant completedAt) {
	}

	/**
	 * A carrier with its latest decided review (by the end of the period) and encryption.
	 */
	public record CarrierRow(String name, String riskTier, String encryptionStatus, Instant encryptionObservedAt,
			String encryptionBasis, String reviewStatus, String reviewDecidedBy, Instant reviewDecidedAt,
			LocalDate nextReviewDue) {
	}

	/** A carrier review decided in the period. */
	public record CarrierReviewRow(String carrier, String status, String decision, String decidedBy, Instant decidedAt,
			String rationale, String encryptionStatus, LocalDate nextDue) {
	}

	/** A capture of the period with its legs' encryption. */
	public record CaptureRow(String fileName, String sha256, String carrier, String label, Instant uploadedAt,
			String uploadedBy, String status, Integer legs, Integer encryptedLegs, Integer partlyEncryptedLegs,
			Integer unencryptedLegs, Integer findings, String headline) {
	}

	/** A finding of a capture of the period. */
	public record FindingRow(String captureFile, Instant capturedAt, String carrier, String ruleId, String severity,
			String criterion, String subject, String explanation, String remediation) {
	}

	/** One answer of a questionnaire submitted in the period. */
	public record AnswerRow(String carrier, String contact, Instant sentAt, Instant submittedAt, String section,
			String questionCode, String question, String answer, boolean fileAttached) {
	}

	public void reviewDecisions(LocalDate from, LocalDate to, Consumer<ReviewDecisionRow> rows) {
		jdbc.query("""
				select c.name, c.period, i.person_name, i.person_username, i.system_name, i.entitlement, i.privileged,
				       i.reviewer_username, i.routing, i.decision, i.reduced_to, i.justification, i.decided_by,
				       i.decided_at, i.closure, i.remediation_status, i.remediated_at
				from review_item i join review_campaign c on c.id = i.campaign_id
				where i.decided_at >= ? and i.decided_at < ?
				order by i.decided_at, i.id
				""", rs -> {
			rows.accept(new ReviewDecisionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), instant(rs, 14),
					rs.getString(15), rs.getString(16), instant(rs, 17)));
		}, start(from), end(to));
	}

	public void deprovisioningCases(LocalDate from, LocalDate to, Consumer<DeprovisioningRow> rows) {
		jdbc.query("""
				select p.full_name, c.username, c.hr_id, c.source, c.effective_at, c.received_at,
				       c.last_access_removed_at, c.time_to_deprovision_seconds, c.sla_met, c.status, c.completed_at
				from deprovisioning_case c join person p on p.id = c.person_id
				where c.effective_at >= ? and c.effective_at < ?
				order by c.effective_at, c.id
				""", rs -> {
			long seconds = rs.getLong(8);
			Long secondsToDeprovision = rs.wasNull() ? null : seconds;
			boolean met = rs.getBoolean(9);
			Boolean slaMet = rs.wasNull() ? null : met;
			rows.accept(new DeprovisioningRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), instant(rs, 6), instant(rs, 7), secondsToDeprovision, slaMet, rs.getString(10),
					instant(rs, 11)));
		}, start(from), end(to));
	}

	public void carriers(LocalDate to, Consumer<CarrierRow> rows) {
		jdbc.query("""
				select v.name, v.risk_tier, v.encryption_status, v.encryption_observed_at, v.encryption_basis,
				       r.status, r.decided_by, r.decided_at, r.next_due_on
				from vendor v
				left join vendor_review r on r.id = (select r2.id from vendor_review r2
				     where r2.vendor_id = v.id and r2.decided_at is not null and r2.decided_at < ?
				     order by r2.decided_at desc fetch first 1 rows only)
				order by v.name
				""", rs -> {
			rows.accept(new CarrierRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
					rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), date(rs, 9)));
		}, end(to));
	}

	public void carrierReviews(LocalDate from, LocalDate to, Consumer<CarrierReviewRow> rows) {
		jdbc.query("""
				select v.name, r.status, r.decision, r.decided_by, r.decided_at, r.rationale, r.encryption_status,
				       r.next_due_on
				from vendor_review r join vendor v on v.id = r.vendor_id
				where r.decided_at >= ? and r.decided_at < ?
				order by r.decided_at, r.id
				""", rs -> {
			rows.accept(new CarrierReviewRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), rs.getString(6), rs.getString(7), date(rs, 8)));
		}, start(from), end(to));
	}

	public void captures(LocalDate from, LocalDate to, Consumer<CaptureRow> rows) {
		jdbc.query("""
				select c.file_name, c.sha256, v.name, c.label, c.uploaded_at, c.uploaded_by, c.status, c.leg_count,
				       c.encrypted_legs, c.partly_encrypted_legs, c.unencrypted_legs, c.finding_count, c.headline
				from capture c left join vendor v on v.id = c.vendor_id
				where c.uploaded_at >= ? and c.uploaded_at < ?
				order by c.uploaded_at, c.id
				""", rs -> {
			rows.accept(new CaptureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), rs.getString(6), rs.getString(7), integer(rs, 8), integer(rs, 9), integer(rs, 10),
					integer(rs, 11), integer(rs, 12), rs.getString(13)));
		}, start(from), end(to));
	}

	public void findings(LocalDate from, LocalDate to, Consumer<FindingRow> rows) {
		jdbc.query("""
				select c.file_name, c.uploaded_at, v.name, f.rule_id, f.severity, f.criterion,
				       f.subject_type, f.subject_id, f.explanation, f.remediation
				from capture_finding f join capture c on c.id = f.capture_id
				left join vendor v on v.id = coalesce(f.vendor_id, c.vendor_id)
				where c.uploaded_at >= ? and c.uploaded_at < ?
				order by c.uploaded_at, c.id, f.id
				""", rs -> {
			rows.accept(new FindingRow(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7) + " " + rs.getString(8), rs.getString(9),
					rs.getString(10)));
		}, start(from), end(to));
	}

	public void questionnaireAnswers(LocalDate from, LocalDate to, Consumer<AnswerRow> rows) {
		jdbc.query("""
				select v.name, q.contact_name, q.sent_at, q.submitted_at, t.section, a.question_code, t.text,
				       a.answer_value, a.file_id
				from questionnaire q join vendor v on v.id = q.vendor_id
				join questionnaire_answer a on a.questionnaire_id = q.id
				left join questionnaire_template_question t
				       on t.template_id = q.template_id and t.position = a.position
				where q.submitted_at >= ? and q.submitted_at < ?
				order by q.submitted_at, q.id, a.position
				""", rs -> {
			rows.accept(new AnswerRow(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9) != null));
		}, start(from), end(to));
	}

	private static OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	private static OffsetDateTime end(LocalDate day) {
		return day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private static Integer integer(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
