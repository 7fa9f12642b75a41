package io.trunkguard.securityevent.integration;

import io.trunkguard.trace.web.CaptureTestContext;

/**
 * The outbox on PostgreSQL (the capture tests' context: PostgreSQL with the job
 * executor), where FOR UPDATE SKIP LOCKED and the cursors run as in production.
 */
@CaptureTestContext
class PostgresSiemForwardingIntegrationTest extends SiemForwardingIntegrationTests {

}
