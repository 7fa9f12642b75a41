package io.trunkguard.securityevent;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresSecurityEventIntegrationTest extends SecurityEventIntegrationTests {

}
