package io.trunkguard.deprovisioning;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2DeprovisioningIntegrationTest extends DeprovisioningIntegrationTests {

}
