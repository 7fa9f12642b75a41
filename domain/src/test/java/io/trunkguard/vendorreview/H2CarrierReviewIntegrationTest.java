package io.trunkguard.vendorreview;

import io.trunkguard.H2IntegrationTest;
import org.springframework.test.context.TestPropertySource;

@H2IntegrationTest
@TestPropertySource(properties = "trunkguard.carrier-review.compliance-leads=compliance-lead,second-lead")
class H2CarrierReviewIntegrationTest extends CarrierReviewIntegrationTests {

}
