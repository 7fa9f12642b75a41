package io.trunkguard.evidence;

import io.trunkguard.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresFileStoreIntegrationTest extends FileStoreIntegrationTests {

}
