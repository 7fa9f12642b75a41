package io.trunkguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageSentencesTest {

	@Test
	void makesALowerCaseRefusalASentence() {
		assertThat(PageSentences.sentence("say what you did (a note is required)"))
			.isEqualTo("Say what you did (a note is required).");
		assertThat(PageSentences.sentence("the period ends (2026-01-02) before it starts (2026-02-01)"))
			.isEqualTo("The period ends (2026-01-02) before it starts (2026-02-01).");
	}

	@Test
	void writesRawConstantsInWordsAndKeepsAcronyms() {
		assertThat(
				PageSentences.sentence("message 7 is KEPT_IN_OUTBOX: only failed or kept messages can be sent again"))
			.isEqualTo("Message 7 is kept in outbox: only failed or kept messages can be sent again.");
		assertThat(PageSentences.sentence("no SMTP server is configured")).isEqualTo("No SMTP server is configured.");
	}

	@Test
	void leavesASentenceAsItIs() {
		assertThat(PageSentences.sentence("Recorded as left on 2026-12-01."))
			.isEqualTo("Recorded as left on 2026-12-01.");
		assertThat(PageSentences.sentence("Is this right?")).isEqualTo("Is this right?");
		assertThat(PageSentences.sentence("  ")).isEmpty();
	}

	@Test
	void treatsMessagesAndErrorsAsSentencesOnly() {
		assertThat(PageSentences.isMessage("error")).isTrue();
		assertThat(PageSentences.isMessage("noteError")).isTrue();
		assertThat(PageSentences.isMessage("message")).isTrue();
		assertThat(PageSentences.isMessage("note")).isFalse();
	}

}
