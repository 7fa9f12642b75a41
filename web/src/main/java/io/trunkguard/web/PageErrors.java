package io.trunkguard.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;

/**
 * Pages that address something that does not exist answer with the 404 page; a malformed
 * id or parameter (not of its type, or refused as input) answers 400 with a problem
 * detail naming it, as the API does.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> malformed(MethodArgumentTypeMismatchException e) {
		return badRequest(e.getName() + " is not a valid value: " + e.getValue());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> malformed(MethodArgumentNotValidException e) {
		var field = e.getBindingResult().getFieldError();
		return badRequest(field == null ? "The request's parameters are not valid."
				: field.getField() + " is not a valid value: " + field.getRejectedValue());
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return badRequest(e.getMessage());
	}

	private static ResponseEntity<ProblemDetail> badRequest(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid input");
		problem.setType(URI.create(ApiProblems.TYPE_BASE + "invalid-input"));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The 404 page with the sentence of what was not found ("There is no carrier at this
	 * address; it may have been removed."), never its type or id.
	 */
	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException e) {
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		page.addObject("notFound", e.getMessage());
		return page;
	}

}
