package io.trunkguard.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

	@Test
	void neutralisesEveryFormulaPrefix() {
		assertThat(SpreadsheetText.neutralise("=1+1")).isEqualTo("'=1+1");
		assertThat(SpreadsheetText.neutralise("+44 20")).isEqualTo("'+44 20");
		assertThat(SpreadsheetText.neutralise("-2")).isEqualTo("'-2");
		assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.neutralise("\tcmd")).isEqualTo("'\tcmd");
		assertThat(SpreadsheetText.neutralise("\rcmd")).isEqualTo("'\rcmd");
	}

	@Test
	void leavesPlainEmptyAndMissingTextAlone() {
		assertThat(SpreadsheetText.neutralise("plain")).isEqualTo("plain");
		assertThat(SpreadsheetText.neutralise("")).isEmpty();
		assertThat(SpreadsheetText.neutralise(null)).isNull();
	}

}
