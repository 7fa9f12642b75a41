package io.trunkguard.vendorreview;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2CarrierWatchIntegrationTest extends CarrierWatchIntegrationTests {

}
