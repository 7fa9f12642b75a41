package io.trunkguard.evidence;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Moves the bytes of the older stored copies (campaign reports, deprovisioning logs,
 * remediation proofs, kept in their own tables until now) to the file store: each row's
 * bytes are written under their SHA-256 (computed again, not trusted from the row), a
 * {@code stored_file} row and an {@code evidence_item} (the criterion and the day or
 * period it evidences) are created, and the row names its stored file. A Spring bean so
 * that it writes to the configured {@code trunkguard.evidence.directory}. V162 then drops
 * the old columns. Plain JDBC, so it runs on H2 and PostgreSQL alike.
 */
@Component
class V161__Stored_copies_to_file_store extends BaseJavaMigration {

	private static final String REPORT_ACTOR = "system:access-review";

	private final Path directory;

	V161__Stored_copies_to_file_store(EvidenceProperties properties) {
		this.directory = properties.directory().toAbsolutePath().normalize();
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection db = context.getConnection();
		moveReviewReports(db);
		moveDeprovisioningLogs(db);
		moveRemediationProofs(db);
	}

	private void moveReviewReports(Connection db) throws SQLException {
		String sql = "select r.id, r.campaign_id, r.format, r.file_name, r.content_type, r.content, r.evidence_date,"
				+ " r.generated_at, c.period from review_report r join review_campaign c on c.id = r.campaign_id"
				+ " where r.file_id is null";
		try (PreparedStatement select = db.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				LocalDate day = day(rows.getTimestamp("evidence_date"));
				Copy copy = new Copy(rows.getString("file_name"), rows.getString("content_type"),
						rows.getBytes("content"), REPORT_ACTOR, rows.getTimestamp("generated_at"));
				UUID fileId = store(db, copy);
				item(db, fileId,
						"Access review report " + rows.getString("period") + " (" + rows.getString("format") + ")",
						"CC6.1", day, day, "ReviewCampaign", rows.getObject("campaign_id").toString(), copy);
				link(db, "review_report", rows.getObject("id"), fileId);
			}
		}
	}

	private void moveDeprovisioningLogs(Connection db) throws SQLException {
		String sql = "select id, period_from, period_to, format, criterion, file_name, content_type, content,"
				+ " generated_at, generated_by from deprovisioning_log_file where file_id is null";
		try (PreparedStatement select = db.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				LocalDate from = rows.getDate("period_from").toLocalDate();
				LocalDate to = rows.getDate("period_to").toLocalDate();
				Copy copy = new Copy(rows.getString("file_name"), rows.getString("content_type"),
						rows.getBytes("content"), rows.getString("generated_by"), rows.getTimestamp("generated_at"));
				UUID fileId = store(db, copy);
				item(db, fileId, "Deprovisioning log " + from + " to " + to + " (" + rows.getString("format") + ")",
						rows.getString("criterion"), from, to, "DeprovisioningLog", from + "/" + to, copy);
				link(db, "deprovisioning_log_file", rows.getObject("id"), fileId);
			}
		}
	}

	private void moveRemediationProofs(Connection db) throws SQLException {
		String sql = "select id, item_id, file_name, content_type, content, uploaded_by, uploaded_at"
				+ " from review_remediation_proof where file_id is null";
		try (PreparedStatement select = db.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				Copy copy = new Copy(rows.getString("file_name"), rows.getString("content_type"),
						rows.getBytes("content"), rows.getString("uploaded_by"), rows.getTimestamp("uploaded_at"));
				UUID fileId = store(db, copy);
				LocalDate day = day(copy.at());
				item(db, fileId, "Proof of a manual removal: " + copy.name(), "CC6.1", day, day, "ReviewItem",
						rows.getObject("item_id").toString(), copy);
				link(db, "review_remediation_proof", rows.getObject("id"), fileId);
			}
		}
	}

	private record Copy(String name, String contentType, byte[] content, String by, Timestamp at) {
	}

	private UUID store(Connection db, Copy copy) throws SQLException {
		String sha256;
		try {
			sha256 = FileBytes.write(directory, copy.content());
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not move " + copy.name() + " to the file store under " + directory,
					e);
		}
		UUID id = UUID.randomUUID();
		try (PreparedStatement insert = db.prepareStatement("insert into stored_file (id, sha256, size_bytes,"
				+ " content_type, original_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)")) {
			insert.setObject(1, id);
			insert.setString(2, sha256);
			insert.setLong(3, copy.content().length);
			insert.setString(4, copy.contentType());
			insert.setString(5, copy.name());
			insert.setString(6, copy.by());
			insert.setTimestamp(7, copy.at());
			insert.executeUpdate();
		}
		return id;
	}

	private static void item(Connection db, UUID fileId, String title, String controls, LocalDate from, LocalDate to,
			String subjectType, String subjectId, Copy copy) throws SQLException {
		try (PreparedStatement insert = db.prepareStatement("insert into evidence_item (id, file_id, title, controls,"
				+ " evidenced_from, evidenced_to, subject_type, subject_id, recorded_by, recorded_at, status, owner)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'READY', ?)")) {
			insert.setObject(1, UUID.randomUUID());
			insert.setObject(2, fileId);
			insert.setString(3, title.length() > 300 ? title.substring(0, 300) : title);
			insert.setString(4, controls);
			insert.setDate(5, Date.valueOf(from));
			insert.setDate(6, Date.valueOf(to));
			insert.setString(7, subjectType);
			insert.setString(8, subjectId);
			insert.setString(9, copy.by());
			insert.setTimestamp(10, copy.at());
			insert.setString(11, copy.by());
			insert.executeUpdate();
		}
	}

	private static void link(Connection db, String table, Object rowId, UUID fileId) throws SQLException {
		try (PreparedStatement update = db.prepareStatement("update " + table + " set file_id = ? where id = ?")) {
			update.setObject(1, fileId);
			update.setObject(2, rowId);
			update.executeUpdate();
		}
	}

	private static LocalDate day(Timestamp at) {
		Instant instant = at.toInstant();
		return instant.atOffset(ZoneOffset.UTC).toLocalDate();
	}

}
