package io.trunkguard.trace;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2CaptureAnalysisIntegrationTest extends CaptureAnalysisIntegrationTests {

}
