package io.trunkguard.access;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2AccessPersistenceIntegrationTest extends AccessPersistenceIntegrationTests {

}
