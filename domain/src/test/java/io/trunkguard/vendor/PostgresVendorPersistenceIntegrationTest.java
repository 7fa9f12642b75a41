package io.trunkguard.vendor;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresVendorPersistenceIntegrationTest extends VendorPersistenceIntegrationTests {

}
