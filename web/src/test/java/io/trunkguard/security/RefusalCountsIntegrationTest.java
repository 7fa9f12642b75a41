package io.trunkguard.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditTrail;

/**
 * The counts of refused requests without credentials are shared by every node through the
 * database (here the embedded default's H2; on PostgreSQL in
 * {@code PostgresIntegrationTest}).
 */
@EmbeddedDefaultTest
class RefusalCountsIntegrationTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void countsRepeatsSentToBothNodesOnce() throws Exception {
		new RefusalCountsOnTwoNodes(trail, jdbc, transactions).countsRepeatsSentToBothNodesOnce();
	}

}
