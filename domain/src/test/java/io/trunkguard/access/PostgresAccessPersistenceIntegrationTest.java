package io.trunkguard.access;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresAccessPersistenceIntegrationTest extends AccessPersistenceIntegrationTests {

}
