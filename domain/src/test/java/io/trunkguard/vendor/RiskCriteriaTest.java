package io.trunkguard.vendor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskCriteriaTest {

	@Test
	void tierIsTheHighestAnyCriterionCallsFor() {
		assertThat(new RiskCriteria(DataHandled.NO_PERSONAL_DATA, CallContent.NONE, Criticality.LOW).tier())
			.isEqualTo(RiskTier.LOW);
		assertThat(new RiskCriteria(DataHandled.CALL_METADATA, CallContent.NONE, Criticality.LOW).tier())
			.isEqualTo(RiskTier.MEDIUM);
		assertThat(new RiskCriteria(DataHandled.CALL_METADATA, CallContent.RECORDS, Criticality.LOW).tier())
			.isEqualTo(RiskTier.CRITICAL);
		assertThat(new RiskCriteria(DataHandled.NO_PERSONAL_DATA, CallContent.NONE, Criticality.HIGH).tier())
			.isEqualTo(RiskTier.HIGH);
	}

	@Test
	void explainsWhichCriteriaSetTheTier() {
		assertThat(new RiskCriteria(DataHandled.PERSONAL_DATA, CallContent.CARRIES, Criticality.MEDIUM).explanation())
			.isEqualTo("High tier, set by data handled: personal data of callers or staff and call content: "
					+ "carries call media; also criticality: medium: some numbers or features stop.");
		assertThat(new RiskCriteria(DataHandled.NO_PERSONAL_DATA, CallContent.NONE, Criticality.LOW).explanation())
			.isEqualTo("Low tier, set by data handled: no personal data and call content: sees no call content "
					+ "and criticality: low: another carrier takes over unnoticed.");
	}

}
