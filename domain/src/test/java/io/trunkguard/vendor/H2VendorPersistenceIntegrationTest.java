package io.trunkguard.vendor;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2VendorPersistenceIntegrationTest extends VendorPersistenceIntegrationTests {

}
