package io.trunkguard.deprovisioning;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresDeprovisioningIntegrationTest extends DeprovisioningIntegrationTests {

}
