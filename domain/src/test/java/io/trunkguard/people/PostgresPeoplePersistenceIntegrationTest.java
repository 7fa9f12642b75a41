package io.trunkguard.people;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresPeoplePersistenceIntegrationTest extends PeoplePersistenceIntegrationTests {

}
