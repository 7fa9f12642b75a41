package io.trunkguard.demo;

import io.trunkguard.PostgresIntegrationTest;
import org.junit.jupiter.api.Order;

/**
 * Runs first among the test classes sharing its Spring context (see
 * junit-platform.properties).
 */
@Order(1)
@PostgresIntegrationTest
class PostgresDemoDataIntegrationTest extends DemoDataIntegrationTests {

}
