package io.trunkguard.engagement;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresAuditEngagementIntegrationTest extends AuditEngagementIntegrationTests {

}
