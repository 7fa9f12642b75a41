package io.trunkguard.trace;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresCaptureAnalysisIntegrationTest extends CaptureAnalysisIntegrationTests {

}
