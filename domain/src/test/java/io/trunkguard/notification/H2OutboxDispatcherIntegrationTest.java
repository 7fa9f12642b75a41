package io.trunkguard.notification;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2OutboxDispatcherIntegrationTest extends OutboxDispatcherIntegrationTests {

}
