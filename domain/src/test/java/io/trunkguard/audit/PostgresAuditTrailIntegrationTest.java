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
	void databaseRefusesToTruncateTheTrail() {
		appendEntries(2);

		assertThatThrownBy(() -> jdbc.execute("truncate audit_entry")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("truncate audit_chain_head")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");

		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(2);
	}

}
