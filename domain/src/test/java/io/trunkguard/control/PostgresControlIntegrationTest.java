package io.trunkguard.control;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresControlIntegrationTest extends ControlIntegrationTests {

}
