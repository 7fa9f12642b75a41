package io.trunkguard.notification;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresNotificationIntegrationTest extends NotificationIntegrationTests {

}
