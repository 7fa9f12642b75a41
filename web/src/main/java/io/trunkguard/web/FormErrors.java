package io.trunkguard.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.InvalidInputException;

/**
 * Turns what the domain refused into errors on the submitted form, so the page shows the
 * form again with the user's input and a message next to each wrong field: nothing typed
 * is lost.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Records the refusal on {@code result}; rethrows anything that is not a refusal of
	 * the input.
	 */
	public static void reject(RuntimeException refusal, BindingResult result) {
		BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
		if (refusal instanceof ConstraintViolationException violations) {
			for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
				field(result, form, ApiProblems.fieldOf(violation), violation.getMessage());
			}
		}
		else if (refusal instanceof InvalidInputException invalid) {
			invalid.fieldErrors().forEach((field, message) -> field(result, form, field, message));
			result.reject(invalid.code(), invalid.getMessage());
		}
		else if (refusal instanceof DomainException domain) {
			result.reject(domain.code(), domain.getMessage());
		}
		else if (refusal instanceof ObjectOptimisticLockingFailureException) {
			result.reject("concurrent-change",
					"Someone else changed this record at the same time. Reload and try again.");
		}
		else {
			throw refusal;
		}
	}

	private static void field(BindingResult result, BeanWrapperImpl form, String field, String message) {
		if (form.isReadableProperty(field)) {
			result.rejectValue(field, "invalid", message);
		}
		else {
			result.reject("invalid", message);
		}
	}

}
