package io.trunkguard.notification;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresOutboxDispatcherIntegrationTest extends OutboxDispatcherIntegrationTests {

}
