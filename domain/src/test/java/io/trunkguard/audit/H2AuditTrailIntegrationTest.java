package io.trunkguard.audit;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2AuditTrailIntegrationTest extends AuditTrailIntegrationTests {

}
