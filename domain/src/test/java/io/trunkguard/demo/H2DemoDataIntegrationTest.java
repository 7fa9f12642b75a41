package io.trunkguard.demo;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2DemoDataIntegrationTest extends DemoDataIntegrationTests {
}
