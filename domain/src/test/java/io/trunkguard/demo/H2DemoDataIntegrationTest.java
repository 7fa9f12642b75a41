package io.trunkguard.demo;

import io.trunkguard.H2IntegrationTest;
import org.junit.jupiter.api.Order;

/**
 * Runs first among the test classes sharing its Spring context (see
 * junit-platform.properties).
 */
@Order(1)
@H2IntegrationTest
class H2DemoDataIntegrationTest extends DemoDataIntegrationTests {

}
