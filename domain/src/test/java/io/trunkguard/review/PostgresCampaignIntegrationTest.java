package io.trunkguard.review;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresCampaignIntegrationTest extends CampaignIntegrationTests {

}
