package io.trunkguard.review;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2CampaignIntegrationTest extends CampaignIntegrationTests {

}
