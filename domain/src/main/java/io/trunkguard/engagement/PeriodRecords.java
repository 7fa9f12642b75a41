package io.trunkguard.engagement;

import io.trunkguard.deprovisioning.DeprovisioningOverview;
import io.trunkguard.deprovisioning.SlaClock;
import io.trunkguard.shared.Labels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The records of a period an auditor examines, the one read model behind both the audit's
 * populations ({@link AuditPopulations}) and the evidence packs' workbooks: review
 * decisions, terminations (deprovisioning cases), carriers and their reviews, analysed
 * captures and their findings, questionnaire answers, SIP changes, certificates. Each
 * kind is selected the same way for both (decided in the period; terminated in the
 * period; carrier reviews started or decided in it; captures by the time of their
 * traffic), and the words a person reads for a state (a decision, an SLA verdict, an
 * encryption verdict) are made here once.
 * <p>
 * Rows are read one by one (the JDBC driver fetches {@value #FETCH_SIZE} rows at a time,
 * PostgreSQL inside the read-only transaction), so a year of 50,000 review decisions
 * never sits in the heap. A reporting read over the modules' tables: it changes nothing,
 * and the modules' own services stay the way to change them.
 */
@Component
@Transactional(readOnly = true)
public class PeriodRecords {

	static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final DeprovisioningOverview deprovisioning;

	PeriodRecords(JdbcTemplate jdbc, DeprovisioningOverview deprovisioning) {
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(FETCH_SIZE);
		this.deprovisioning = deprovisioning;
	}

	/**
	 * A review decision: the frozen snapshot of the grant and what its reviewer decided.
	 */
	public record ReviewDecisionRow(String campaign, String campaignPeriod, String personName, String personUsername,
			String systemName, String entitlement, boolean privileged, String reviewer, String routing, String decision,
			String reducedTo, String justification, String decidedBy, Instant decidedAt, String closure,
			String remediationStatus, Instant remediatedAt) {

		/** The decision as a person reads it, e.g. "Revoke". */
		public String decisionWords() {
			return words(io.trunkguard.review.Decision.class, decision);
		}

	}

	/**
	 * A termination (deprovisioning case): from the HR event to the last access removed,
	 * with its SLA verdict in words ({@link #slaWords()}).
	 */
	public record DeprovisioningRow(String personName, String username, String hrId, String source, Instant effectiveAt,
			Instant receivedAt, Instant lastAccessRemovedAt, Long secondsToDeprovision, Boolean slaMet, String status,
			Instant completedAt, String slaWords) {

		/** The case's status as a person reads it, e.g. "Completed". */
		public String statusWords() {
			return words(io.trunkguard.deprovisioning.CaseStatus.class, status);
		}

	}

	/**
	 * A carrier with its latest decided review (by the end of the period) and encryption.
	 */
	public record CarrierRow(String name, String riskTier, String encryptionStatus, Instant encryptionObservedAt,
			String encryptionBasis, String reviewStatus, String reviewDecidedBy, Instant reviewDecidedAt,
			LocalDate nextReviewDue) {
	}

	/** A carrier review started or decided in the period. */
	public record CarrierReviewRow(String carrier, String status, String decision, String startedBy, Instant startedAt,
			String decidedBy, Instant decidedAt, String rationale, String encryptionStatus, LocalDate nextDue) {

		/** The review's status as a person reads it, e.g. "Approved with conditions". */
		public String statusWords() {
			return words(io.trunkguard.vendorreview.ReviewStatus.class, status);
		}

	}

	/**
	 * An analysed capture whose traffic (its first packet, else its upload) falls in the
	 * period, with its legs' encryption.
	 */
	public record CaptureRow(UUID id, String fileName, String sha256, String carrier, String label, Instant trafficAt,
			Instant uploadedAt, String uploadedBy, Instant analysedAt, String status, Integer legs,
			Integer encryptedLegs, Integer partlyEncryptedLegs, Integer unencryptedLegs, Integer findings,
			String headline) {

		/**
		 * The encryption verdict, e.g. "1 of 4 legs unencrypted", "All 4 legs encrypted",
		 * "The one leg encrypted".
		 */
		public String verdict() {
			int all = legs == null ? 0 : legs;
			if (all == 0) {
				return "No calls seen";
			}
			int encrypted = encryptedLegs == null ? 0 : encryptedLegs;
			int partly = partlyEncryptedLegs == null ? 0 : partlyEncryptedLegs;
			int unencrypted = all - encrypted - partly;
			String state = unencrypted > 0 ? "unencrypted" : partly > 0 ? "partly encrypted" : "encrypted";
			if (all == 1) {
				return "The one leg " + state;
			}
			if (unencrypted > 0) {
				return unencrypted + " of " + all + " legs unencrypted";
			}
			if (partly > 0) {
				return partly + " of " + all + " legs partly encrypted";
			}
			return "All " + all + " legs encrypted";
		}

	}

	/** A finding of a capture of the period (the same captures as {@link CaptureRow}). */
	public record FindingRow(UUID captureId, String captureFile, Instant capturedAt, String carrier, String ruleId,
			String severity, String criterion, String subject, String explanation, String remediation) {

		/** The rule in words, e.g. "Audio sent as plain RTP". */
		public String ruleWords() {
			return capitalised(Labels.ofKey("AnalyzerRule", ruleId));
		}

		/** The severity in words, e.g. "high". */
		public String severityWords() {
			return severity == null ? "" : Labels.humanised(severity);
		}

	}

	/** One answer of a questionnaire submitted in the period. */
	public record AnswerRow(String carrier, String contact, Instant sentAt, Instant submittedAt, String section,
			String questionCode, String question, String answer, boolean fileAttached) {
	}

	/**
	 * A SIP configuration change applied in the period: who asked, who approved (never
	 * the requester), and its configuration excerpts with how many secrets were redacted.
	 */
	public record SipChangeRow(String kind, String system, String carrier, String summary, String requestedBy,
			LocalDate appliedOn, boolean touchesEncryption, String status, String approvedBy, Instant approvedAt,
			int excerpts, int redactions) {

		/** The part of the infrastructure in words, e.g. "Session border controller". */
		public String kindWords() {
			return words(io.trunkguard.change.InfrastructureKind.class, kind);
		}

		/** The approval state in words, e.g. "Awaiting approval". */
		public String statusWords() {
			return words(io.trunkguard.change.ChangeStatus.class, status);
		}

	}

	/**
	 * A certificate of the certificate watch, known by the end of the period, with
	 * whether a later certificate of the same endpoint renews it.
	 */
	public record CertificateRow(String subject, String issuer, String serial, String fingerprint, Instant notBefore,
			Instant notAfter, String keyAlgorithm, int keyBits, String signatureAlgorithm, String origin,
			String carrier, String endpoint, Instant addedAt, boolean renewed) {

		/** Where it came from, e.g. "Seen in a capture". */
		public String originWords() {
			try {
				return io.trunkguard.trace.WatchedCertificate.Origin.valueOf(origin).label();
			}
			catch (IllegalArgumentException | NullPointerException unknown) {
				return origin == null ? "" : capitalised(Labels.humanised(origin));
			}
		}

		/**
		 * Its state at the end of {@code to}: "Expired", "Expires within 30 days" or
		 * "Valid" (a renewed certificate says so).
		 */
		public String stateAt(LocalDate to) {
			if (notAfter == null) {
				return "Expiry not known";
			}
			Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			String state = notAfter.isBefore(end) ? "Expired"
					: notAfter.isBefore(end.plus(java.time.Duration.ofDays(30))) ? "Expires within 30 days" : "Valid";
			return renewed ? state + ", renewed" : state;
		}

	}

	/** The SIP configuration changes applied in the period, by the day applied. */
	public void sipChanges(LocalDate from, LocalDate to, Consumer<SipChangeRow> rows) {
		jdbc.query("""
				select s.kind, s.system_name, v.name, s.summary, s.requested_by, s.applied_on, s.touches_encryption,
				       s.status, s.approved_by, s.approved_at,
				       (select count(*) from sip_change_excerpt e where e.change_id = s.id),
				       (select coalesce(sum(e.redactions), 0) from sip_change_excerpt e where e.change_id = s.id)
				from sip_change s left join vendor v on v.id = s.vendor_id
				where s.applied_on >= ? and s.applied_on <= ?
				order by s.applied_on, s.recorded_at, s.id
				""", rs -> {
			rows.accept(new SipChangeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), date(rs, 6), rs.getBoolean(7), rs.getString(8), rs.getString(9), instant(rs, 10),
					rs.getInt(11), rs.getInt(12)));
		}, from, to);
	}

	/** The certificate inventory at the end of the period, the soonest expiry first. */
	public void certificates(LocalDate to, Consumer<CertificateRow> rows) {
		jdbc.query("""
				select w.subject, w.issuer, w.serial, w.sha256_fingerprint, w.not_before, w.not_after,
				       w.key_algorithm, w.key_bits, w.signature_algorithm, w.origin, v.name, w.endpoint, w.added_at,
				       case when exists (select 1 from watched_certificate n
				                         where n.renews_id = w.id and n.added_at < ?) then 1 else 0 end
				from watched_certificate w left join vendor v on v.id = w.vendor_id
				where w.added_at < ?
				order by case when w.not_after is null then 1 else 0 end, w.not_after, w.sha256_fingerprint
				""", rs -> {
			rows.accept(new CertificateRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), instant(rs, 6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
					rs.getString(11), rs.getString(12), instant(rs, 13), rs.getInt(14) == 1));
		}, end(to), end(to));
	}

	/** The review items decided in the period, by decision time. */
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

	/**
	 * The terminations effective in the period. An open case's SLA verdict comes from its
	 * live SLA clock (the deprovisioning module's), a closed one's from its record.
	 */
	public void deprovisioningCases(LocalDate from, LocalDate to, Consumer<DeprovisioningRow> rows) {
		Map<UUID, Boolean> openOverdue = deprovisioning.openCases()
			.stream()
			.collect(Collectors.toMap(c -> c.deprovisioningCase().getId().value(), SlaClock::overdue, (a, b) -> a));
		jdbc.query(
				"""
						select p.full_name, c.username, c.hr_id, c.source, c.effective_at, c.received_at,
						       c.last_access_removed_at, c.time_to_deprovision_seconds, c.sla_met, c.status, c.completed_at, c.id
						from deprovisioning_case c left join person p on p.id = c.person_id
						where c.effective_at >= ? and c.effective_at < ?
						order by c.effective_at, c.id
						""",
				rs -> {
					long seconds = rs.getLong(8);
					Long secondsToDeprovision = rs.wasNull() ? null : seconds;
					boolean met = rs.getBoolean(9);
					Boolean slaMet = rs.wasNull() ? null : met;
					Boolean overdue = openOverdue.get(rs.getObject(12, UUID.class));
					String sla = overdue != null
							? (overdue ? "Missed (access still not removed)" : "Open, within the SLA")
							: slaMet == null ? "Not measured" : slaMet ? "Met" : "Missed";
					rows.accept(new DeprovisioningRow(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4), instant(rs, 5), instant(rs, 6), instant(rs, 7), secondsToDeprovision,
							slaMet, rs.getString(10), instant(rs, 11), sla));
				}, start(from), end(to));
	}

	/** Every carrier with its latest review decided by the end of the period. */
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

	/**
	 * The carrier reviews started or decided in the period (one still in progress too).
	 */
	public void carrierReviews(LocalDate from, LocalDate to, Consumer<CarrierReviewRow> rows) {
		jdbc.query("""
				select v.name, r.status, r.decision, r.started_by, r.started_at, r.decided_by, r.decided_at,
				       r.rationale, r.encryption_status, r.next_due_on
				from vendor_review r join vendor v on v.id = r.vendor_id
				where (r.decided_at >= ? and r.decided_at < ?) or (r.started_at >= ? and r.started_at < ?)
				order by coalesce(r.decided_at, r.started_at), r.id
				""", rs -> {
			rows.accept(new CarrierReviewRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), rs.getString(6), instant(rs, 7), rs.getString(8), rs.getString(9), date(rs, 10)));
		}, start(from), end(to), start(from), end(to));
	}

	/** The analysed captures whose traffic falls in the period, by that time. */
	public void captures(LocalDate from, LocalDate to, Consumer<CaptureRow> rows) {
		jdbc.query("""
				select c.id, c.file_name, c.sha256, v.name, c.label, coalesce(c.first_packet_at, c.uploaded_at),
				       c.uploaded_at, c.uploaded_by, c.analysed_at, c.status, c.leg_count, c.encrypted_legs,
				       c.partly_encrypted_legs, c.unencrypted_legs, c.finding_count, c.headline
				from capture c left join vendor v on v.id = c.vendor_id
				where c.status = 'DONE' and coalesce(c.first_packet_at, c.uploaded_at) >= ?
				  and coalesce(c.first_packet_at, c.uploaded_at) < ?
				order by coalesce(c.first_packet_at, c.uploaded_at), c.id
				""", rs -> {
			rows.accept(new CaptureRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getString(8), instant(rs, 9), rs.getString(10),
					integer(rs, 11), integer(rs, 12), integer(rs, 13), integer(rs, 14), integer(rs, 15),
					rs.getString(16)));
		}, start(from), end(to));
	}

	/** The findings of the captures of the period ({@link #captures}). */
	public void findings(LocalDate from, LocalDate to, Consumer<FindingRow> rows) {
		jdbc.query("""
				select c.id, c.file_name, coalesce(c.first_packet_at, c.uploaded_at), v.name, f.rule_id, f.severity,
				       f.criterion, f.subject_type, f.subject_id, f.explanation, f.remediation
				from capture_finding f join capture c on c.id = f.capture_id
				left join vendor v on v.id = coalesce(f.vendor_id, c.vendor_id)
				where c.status = 'DONE' and coalesce(c.first_packet_at, c.uploaded_at) >= ?
				  and coalesce(c.first_packet_at, c.uploaded_at) < ?
				order by coalesce(c.first_packet_at, c.uploaded_at), c.id, f.id
				""", rs -> {
			rows.accept(new FindingRow(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8) + " " + rs.getString(9),
					rs.getString(10), rs.getString(11)));
		}, start(from), end(to));
	}

	/** The answers of the questionnaires submitted in the period. */
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

	/**
	 * The words of a stored enum constant ({@link Labels}); its humanised constant when
	 * the enum does not know it; empty for none.
	 */
	public static <E extends Enum<E>> String words(Class<E> type, String constant) {
		if (constant == null || constant.isEmpty()) {
			return "";
		}
		try {
			return Labels.capitalisedLabel(Enum.valueOf(type, constant));
		}
		catch (IllegalArgumentException unknown) {
			return capitalised(Labels.humanised(constant));
		}
	}

	static String capitalised(String text) {
		return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
