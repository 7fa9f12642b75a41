package io.trunkguard.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

	@Test
	void writesAbbreviationsInCapitalsAndLeavesOtherWordsAlone() {
		assertThat(Labels.withAcronyms("hr webhook refused")).isEqualTo("HR webhook refused");
		assertThat(Labels.withAcronyms("vendor soc report reviewed")).isEqualTo("vendor SOC report reviewed");
		assertThat(Labels.withAcronyms("sip change approved")).isEqualTo("SIP change approved");
		assertThat(Labels.withAcronyms("sha256")).isEqualTo("SHA-256");
		assertThat(Labels.withAcronyms("remote ip")).isEqualTo("remote IP");
		// only whole words: "hrm" and "shrink" are not HR
		assertThat(Labels.withAcronyms("hrm shrink grant revoked")).isEqualTo("hrm shrink grant revoked");
		assertThat(new Labels().action("API_TOKEN_CREATED")).isEqualTo("API token created");
		assertThat(new Labels().action("GRANT_REVOKED")).isEqualTo("Grant revoked");
	}

}
