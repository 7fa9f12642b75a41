package io.trunkguard.demo;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresDemoDataIntegrationTest extends DemoDataIntegrationTests {
}
