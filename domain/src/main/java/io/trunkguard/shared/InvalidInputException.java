package io.trunkguard.shared;

import java.util.Map;

/**
 * Input that breaks a business rule that bean validation cannot express (bean validation
 * itself raises {@code jakarta.validation.ConstraintViolationException}).
 * {@link #fieldErrors()} maps field names to messages.
 */
public class InvalidInputException extends DomainException {

	private final Map<String, String> fieldErrors;

	public InvalidInputException(String code, String message) {
		this(code, message, Map.of());
	}

	public InvalidInputException(String code, String message, Map<String, String> fieldErrors) {
		super(code, message);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

}
