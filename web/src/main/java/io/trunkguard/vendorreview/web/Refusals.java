package io.trunkguard.vendorreview.web;

import io.trunkguard.shared.DomainException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.stream.Collectors;

/** What the domain refused, as one sentence for a page; anything else is rethrown. */
final class Refusals {

	private Refusals() {
	}

	static String sentence(RuntimeException refusal) {
		String text;
		if (refusal instanceof ConstraintViolationException violations) {
			text = violations.getConstraintViolations()
				.stream()
				.map(Refusals::describe)
				.sorted()
				.collect(Collectors.joining("; "));
		}
		else if (refusal instanceof DomainException domain) {
			text = domain.getMessage();
		}
		else {
			throw refusal;
		}
		text = text.isEmpty() ? "The input was refused" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
		return text.endsWith(".") ? text : text + ".";
	}

	private static String describe(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
		if (field.startsWith("valid") || field.startsWith("period") || field.startsWith("bridge")
				|| field.startsWith("qualification") || field.startsWith("term")) {
			return violation.getMessage();
		}
		return field + " " + violation.getMessage();
	}

}
