package io.trunkguard.engagement;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2AuditEngagementIntegrationTest extends AuditEngagementIntegrationTests {

}
