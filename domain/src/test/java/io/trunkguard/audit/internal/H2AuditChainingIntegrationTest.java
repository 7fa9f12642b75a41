package io.trunkguard.audit.internal;

import io.trunkguard.H2IntegrationTest;

import javax.sql.DataSource;

/**
 * The embedded default's database: one node, so the "other node" is another connection of
 * the same pool.
 */
@H2IntegrationTest
class H2AuditChainingIntegrationTest extends AuditChainingIntegrationTests {

	@Override
	DataSource secondNode() {
		return dataSource;
	}

}
