package io.trunkguard.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.trunkguard.analyzer.rules.Rule;
import io.trunkguard.analyzer.rules.Rules;
import io.trunkguard.engagement.PeriodRecords.CaptureRow;
import io.trunkguard.engagement.PeriodRecords.FindingRow;
import io.trunkguard.shared.Labels;
import org.junit.jupiter.api.Test;

/** The words of the captures population: its verdicts and the analyzer's rules. */
class PopulationWordsTest {

	@Test
	void everyRuleOfTheAnalyzerHasWordsOfItsOwn() {
		for (Rule rule : Rules.all()) {
			assertThat(Labels.ofKey("AnalyzerRule", rule.id())).as(rule.id())
				.isNotEqualTo(Labels.humanised(rule.id()))
				.isNotBlank();
		}
		assertThat(finding("MEDIA_PLAIN_RTP").ruleWords()).isEqualTo("Audio sent as plain RTP");
		assertThat(finding("SOME_FUTURE_RULE").ruleWords()).isEqualTo("Some future rule");
	}

	@Test
	void saysTheVerdictOfOneLegInWords() {
		assertThat(capture(1, 1, 0).verdict()).isEqualTo("The one leg encrypted");
		assertThat(capture(1, 0, 1).verdict()).isEqualTo("The one leg partly encrypted");
		assertThat(capture(1, 0, 0).verdict()).isEqualTo("The one leg unencrypted");
		assertThat(capture(4, 4, 0).verdict()).isEqualTo("All 4 legs encrypted");
		assertThat(capture(4, 2, 1).verdict()).isEqualTo("1 of 4 legs unencrypted");
		assertThat(capture(0, 0, 0).verdict()).isEqualTo("No calls seen");
	}

	private static FindingRow finding(String ruleId) {
		return new FindingRow(UUID.randomUUID(), "a.pcap", null, null, ruleId, "HIGH", "CC6.7", null, null, null);
	}

	private static CaptureRow capture(int legs, int encrypted, int partly) {
		return new CaptureRow(UUID.randomUUID(), "a.pcap", "00", null, null, null, null, null, null, "DONE", legs,
				encrypted, partly, legs - encrypted - partly, 0, null);
	}

}
