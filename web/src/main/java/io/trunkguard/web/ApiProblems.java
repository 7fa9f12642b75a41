package io.trunkguard.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;

/**
 * Errors of the REST API as RFC 9457 problem details: domain errors by kind (404, 409,
 * 400), invalid input with an {@code errors} map of field to message, and Spring MVC's
 * own errors (unreadable JSON, wrong types, unsupported methods) through
 * {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	static final String TYPE_BASE = "https://trunkguard.io/problems/";

	/**
	 * The detail is the sentence a person reads; the id addressed is in a field of its
	 * own, {@code id}.
	 */
	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", e);
		problem.setProperty("id", e.subjectId());
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", e);
	}

	@ExceptionHandler(InvalidStateException.class)
	ProblemDetail invalidState(InvalidStateException e) {
		return problem(HttpStatus.CONFLICT, "Not possible in the current state", e);
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e);
		if (!e.fieldErrors().isEmpty()) {
			problem.setProperty("errors", new TreeMap<>(e.fieldErrors()));
		}
		return problem;
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException e) {
		Map<String, String> errors = new TreeMap<>();
		for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
			errors.merge(fieldOf(violation), violation.getMessage(), (a, b) -> a + "; " + b);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request is invalid: " + String.join(", ", errors.keySet()) + ".");
		problem.setTitle("Invalid input");
		problem.setType(URI.create(TYPE_BASE + "invalid-input"));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(RequestRefusedException.class)
	ResponseEntity<ProblemDetail> refused(RequestRefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
		problem.setTitle(e.title());
		problem.setType(URI.create(TYPE_BASE + slug(e.title())));
		return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** "Body too large" becomes "body-too-large". */
	static String slug(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this record at the same time. Reload it and try again.");
		problem.setTitle("Concurrent change");
		problem.setType(URI.create(TYPE_BASE + "concurrent-change"));
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new TreeMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> errors.merge(error.getField(), String.valueOf(error.getDefaultMessage()),
					(a, b) -> a + "; " + b));
		ex.getBody().setProperty("errors", errors);
		ex.getBody().setTitle("Invalid input");
		ex.getBody().setType(URI.create(TYPE_BASE + "invalid-input"));
		return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
	}

	private static ProblemDetail problem(HttpStatus status, String title, DomainException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
		problem.setTitle(title);
		problem.setType(URI.create(TYPE_BASE + e.code()));
		problem.setProperty("code", e.code());
		return problem;
	}

	/**
	 * "register.details.contacts[0].email" becomes "contacts[0].email": callers know
	 * fields, not method parameters.
	 */
	static String fieldOf(ConstraintViolation<?> violation) {
		String field = violation.getPropertyPath().toString();
		for (Path.Node node : violation.getPropertyPath()) {
			boolean methodOrParameter = node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
					|| node.getKind() == ElementKind.CONSTRUCTOR;
			String prefix = node.getName() + ".";
			if (!methodOrParameter || !field.startsWith(prefix)) {
				break;
			}
			field = field.substring(prefix.length());
		}
		return field.isEmpty() ? "request" : field;
	}

}
