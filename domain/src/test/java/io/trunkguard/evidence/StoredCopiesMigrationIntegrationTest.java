package io.trunkguard.evidence;

import com.zaxxer.hikari.HikariDataSource;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration of the older stored copies (campaign reports, deprovisioning logs,
 * remediation proofs with their bytes in their own tables) to the one file store: rows
 * written as they were before V160, then V160-V162 run as the application runs them (the
 * Java migration given to Flyway as Spring gives it); on H2 and on PostgreSQL.
 */
class StoredCopiesMigrationIntegrationTest {

	private static final byte[] PDF = "%PDF-1.4 campaign report Q2".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] XLSX = "PK\u0003\u0004 xl/ deprovisioning log".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

	@TempDir
	Path files;

	@Test
	void movesStoredCopiesToTheFileStoreOnH2() throws Exception {
		try (HikariDataSource h2 = new HikariDataSource()) {
			h2.setJdbcUrl("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			h2.setUsername("sa");
			migrateAndCheck(h2, "SET REFERENTIAL_INTEGRITY FALSE", "SET REFERENTIAL_INTEGRITY TRUE");
		}
	}

	@Test
	void movesStoredCopiesToTheFileStoreOnPostgres() throws Exception {
		try (EmbeddedPostgresTestConfiguration.Lease lease = EmbeddedPostgresTestConfiguration.lease();
				HikariDataSource postgres = EmbeddedPostgresTestConfiguration.newDatabase(lease)) {
			migrateAndCheck(postgres, "SET session_replication_role = replica",
					"SET session_replication_role = DEFAULT");
		}
	}

	private void migrateAndCheck(DataSource db, String foreignKeysOff, String foreignKeysOn) throws Exception {
		// the schema as it was before V160 (whatever the last version below it is)
		String before = java.util.Arrays
			.stream(Flyway.configure().dataSource(db).locations("classpath:db/migration").load().info().all())
			.map(m -> m.getVersion())
			.filter(v -> v.isNewerThan("0") && !v.isAtLeast("160"))
			.max(Comparable::compareTo)
			.orElseThrow()
			.getVersion();
		Flyway.configure().dataSource(db).locations("classpath:db/migration").target(before).load().migrate();
		UUID campaign = UUID.randomUUID();
		UUID item = UUID.randomUUID();
		Instant closed = Instant.parse("2026-06-30T16:00:00Z");
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			s.execute("insert into review_campaign (id, version, name, period, deadline, status, unanswered_rule,"
					+ " dormant_after_days, item_count, started_by, started_at, closed_by, closed_at, signed_off_by,"
					+ " signed_off_at) values ('" + campaign + "', 0, 'Q2', '2026-Q2', timestamp '2026-06-20 00:00:00',"
					+ " 'SIGNED_OFF', 'REVOKE', 90, 0, 'lead', timestamp '2026-04-01 00:00:00', 'lead',"
					+ " timestamp '2026-06-30 16:00:00', 'lead', timestamp '2026-06-30 17:00:00')");
			insert(c,
					"insert into review_report (id, campaign_id, format, file_name, content_type, content, size_bytes,"
							+ " sha256, evidence_date, generated_at) values (?, ?, 'PDF', 'access-review-2026-Q2.pdf',"
							+ " 'application/pdf', ?, ?, ?, ?, ?)",
					UUID.randomUUID(), campaign, PDF, PDF.length, Sha256.hex(PDF), Timestamp.from(closed),
					Timestamp.from(closed.plusSeconds(5)));
			insert(c, "insert into deprovisioning_log_file (id, period_from, period_to, format, criterion, file_name,"
					+ " content_type, content, size_bytes, sha256, case_count, evidence_date, generated_at, generated_by)"
					+ " values (?, date '2026-04-01', date '2026-06-30', 'XLSX', 'CC6.1', 'deprovisioning-log.xlsx',"
					+ " 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ?, ?, ?, 3, ?, ?, 'lead')",
					UUID.randomUUID(), XLSX, XLSX.length, Sha256.hex(XLSX), Timestamp.from(closed),
					Timestamp.from(closed));
			// a proof needs a review item, which needs people, systems and grants: not
			// what is tested here
			s.execute(foreignKeysOff);
			insert(c,
					"insert into review_remediation_proof (id, item_id, campaign_id, file_name, content_type, content,"
							+ " size_bytes, sha256, uploaded_by, uploaded_at) values (?, ?, ?, 'console.png', 'image/png', ?, ?,"
							+ " ?, 'olga', ?)",
					UUID.randomUUID(), item, campaign, PNG, PNG.length, Sha256.hex(PNG),
					Timestamp.from(Instant.parse("2026-05-04T09:00:00Z")));
			s.execute(foreignKeysOn);
		}

		EvidenceProperties properties = new EvidenceProperties(files, DataSize.ofMegabytes(1));
		Flyway.configure()
			.dataSource(db)
			.locations("classpath:db/migration")
			.javaMigrations(new V161__Stored_copies_to_file_store(properties))
			.load()
			.migrate();

		try (Connection c = db.getConnection()) {
			List<String> stored = rows(c,
					"select f.original_name, f.sha256, f.size_bytes, f.uploaded_by, i.controls,"
							+ " i.evidenced_from, i.evidenced_to, i.subject_type, i.status, i.owner from stored_file f"
							+ " join evidence_item i on i.file_id = f.id order by f.original_name");
			assertThat(stored).containsExactly("access-review-2026-Q2.pdf|" + Sha256.hex(PDF) + "|" + PDF.length
					+ "|system:access-review|CC6.1|2026-06-30|2026-06-30|ReviewCampaign|READY|system:access-review",
					"console.png|" + Sha256.hex(PNG) + "|" + PNG.length
							+ "|olga|CC6.1|2026-05-04|2026-05-04|ReviewItem|READY|olga",
					"deprovisioning-log.xlsx|" + Sha256.hex(XLSX) + "|" + XLSX.length
							+ "|lead|CC6.1|2026-04-01|2026-06-30|DeprovisioningLog|READY|lead");
			for (byte[] content : List.of(PDF, XLSX, PNG)) {
				String hash = Sha256.hex(content);
				assertThat(Files.readAllBytes(files.resolve(hash.substring(0, 2)).resolve(hash))).isEqualTo(content);
			}
			for (String table : List.of("review_report", "deprovisioning_log_file", "review_remediation_proof")) {
				assertThat(rows(c, "select count(*) from " + table + " t join stored_file f on f.id = t.file_id"))
					.containsExactly("1");
				assertThatThrownBy(() -> rows(c, "select content from " + table)).isInstanceOf(SQLException.class);
			}
		}
	}

	private static void insert(Connection c, String sql, Object... values) throws SQLException {
		try (PreparedStatement p = c.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				p.setObject(i + 1, values[i]);
			}
			p.executeUpdate();
		}
	}

	private static List<String> rows(Connection c, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			int n = r.getMetaData().getColumnCount();
			while (r.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= n; i++) {
					cells.add(String.valueOf(r.getObject(i)));
				}
				rows.add(String.join("|", cells));
			}
		}
		return rows;
	}

}
