package io.trunkguard.vendorreview;

import io.trunkguard.PostgresIntegrationTest;
import org.springframework.test.context.TestPropertySource;

@PostgresIntegrationTest
@TestPropertySource(properties = "trunkguard.carrier-review.compliance-leads=compliance-lead,second-lead")
class PostgresCarrierReviewIntegrationTest extends CarrierReviewIntegrationTests {

}
