package io.trunkguard.securityevent;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2SecurityEventIntegrationTest extends SecurityEventIntegrationTests {

}
