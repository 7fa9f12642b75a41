package io.trunkguard.control;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2ControlIntegrationTest extends ControlIntegrationTests {

}
