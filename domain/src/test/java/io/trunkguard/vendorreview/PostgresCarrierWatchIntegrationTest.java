package io.trunkguard.vendorreview;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresCarrierWatchIntegrationTest extends CarrierWatchIntegrationTests {

}
