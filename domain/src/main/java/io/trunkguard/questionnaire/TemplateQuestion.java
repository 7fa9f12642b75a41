package io.trunkguard.questionnaire;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One question of a template.
 *
 * @param code a stable id within the template, e.g. {@code ENC-1}
 * @param choices the choices of a choice question, separated by {@code |}
 * @param expectedAnswer the answer we expect; any other answer is flagged as a deviation
 * (for a multiple choice: every expected choice, separated by {@code |}, must be chosen)
 * @param weight how much the question counts (optional, default 1)
 */
@Embeddable
public record TemplateQuestion(@Column(name = "section", nullable = false, length = 200) String section,
		@Column(name = "code", nullable = false, length = 40) String code,
		@Column(name = "text", nullable = false, length = 2000) String text,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "type", nullable = false,
				length = 20) QuestionType type,
		@Column(name = "choices", length = 2000) String choices,
		@Column(name = "expected_answer", length = 500) String expectedAnswer,
		@Column(name = "help", length = 2000) String help, @Column(name = "weight", nullable = false) int weight) {

	public List<String> choiceList() {
		if (type == QuestionType.YES_NO) {
			return List.of("Yes", "No");
		}
		return choices == null || choices.isBlank() ? List.of()
				: Arrays.stream(choices.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Whether {@code answer} differs from the expected answer (never without one). */
	public boolean deviates(String answer) {
		if (expectedAnswer == null || expectedAnswer.isBlank()) {
			return false;
		}
		if (answer == null || answer.isBlank()) {
			return true;
		}
		if (type == QuestionType.MULTIPLE_CHOICE) {
			List<String> given = Arrays.stream(answer.split("\\|"))
				.map(s -> s.strip().toLowerCase(Locale.ROOT))
				.toList();
			return !Arrays.stream(expectedAnswer.split("\\|"))
				.map(s -> s.strip().toLowerCase(Locale.ROOT))
				.allMatch(given::contains);
		}
		return !expectedAnswer.strip().equalsIgnoreCase(answer.strip());
	}
}
