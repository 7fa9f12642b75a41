package io.trunkguard.audit;

import io.trunkguard.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresIntegrationTest
class PostgresAuditTrailIntegrationTest extends AuditTrailIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void databaseRefusesToUpdateOrDeleteEntries() {
		appendEntries(2);

		assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'x' where sequence = 1"))
				.isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_entry where sequence = 2"))
				.isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
				.isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_chain_head"))
				.isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("append-only");

		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(2);
		assertThat(verifier.verify().intact()).isTrue();
	}
}
