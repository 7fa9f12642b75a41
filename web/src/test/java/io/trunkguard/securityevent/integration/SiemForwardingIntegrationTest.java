package io.trunkguard.securityevent.integration;

import io.trunkguard.EmbeddedDefaultTest;

/** The outbox on the embedded default's H2. */
@EmbeddedDefaultTest
class SiemForwardingIntegrationTest extends SiemForwardingIntegrationTests {

}
