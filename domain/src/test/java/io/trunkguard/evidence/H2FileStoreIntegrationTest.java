package io.trunkguard.evidence;

import io.trunkguard.H2IntegrationTest;

@H2IntegrationTest
class H2FileStoreIntegrationTest extends FileStoreIntegrationTests {

}
