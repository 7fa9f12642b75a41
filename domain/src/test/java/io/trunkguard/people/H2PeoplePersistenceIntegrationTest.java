package io.trunkguard.people;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2PeoplePersistenceIntegrationTest extends PeoplePersistenceIntegrationTests {

}
