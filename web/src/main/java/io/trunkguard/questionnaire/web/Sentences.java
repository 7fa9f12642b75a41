package io.trunkguard.questionnaire.web;

import jakarta.validation.ConstraintViolationException;

import java.util.stream.Collectors;

/** A refusal as one sentence for a page. */
final class Sentences {

	private Sentences() {
	}

	/** Refuses a missing or empty upload with a sentence (a 400 problem in the API). */
	static void requireFile(org.springframework.web.multipart.MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new io.trunkguard.shared.InvalidInputException("questionnaire.file-required",
					"attach the spreadsheet (.xlsx) as the multipart part \"file\"");
		}
	}

	static String of(RuntimeException refusal) {
		String text = refusal instanceof ConstraintViolationException violations ? violations.getConstraintViolations()
			.stream()
			.map(v -> v.getPropertyPath().toString().replaceAll(".*\\.", "") + " " + v.getMessage())
			.sorted()
			.collect(Collectors.joining("; ")) : refusal.getMessage();
		text = text == null || text.isEmpty() ? "The input was refused"
				: Character.toUpperCase(text.charAt(0)) + text.substring(1);
		return text.endsWith(".") ? text : text + ".";
	}

}
