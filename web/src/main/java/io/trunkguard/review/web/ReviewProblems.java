package io.trunkguard.review.web;

import java.net.URI;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.review.ReviewDeniedException;

/**
 * A reviewer acting on an item that is not theirs, or on their own access, gets 403 as a
 * problem document; the refusal is written to the audit trail (the refused change itself
 * was rolled back).
 */
@RestControllerAdvice(assignableTypes = ReviewsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewProblems {

	private final ObjectProvider<AuditTrail> trail;

	/**
	 * The trail is optional so that web slices (e.g. {@code @WebMvcTest}) without the
	 * domain still start.
	 */
	ReviewProblems(ObjectProvider<AuditTrail> trail) {
		this.trail = trail;
	}

	@ExceptionHandler(ReviewDeniedException.class)
	ProblemDetail denied(ReviewDeniedException e, Authentication user, HttpServletRequest request) {
		record(e, user, request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("Forbidden");
		problem.setType(URI.create("https://trunkguard.io/problems/" + e.code()));
		problem.setProperty("code", e.code());
		return problem;
	}

	/**
	 * Writes the refusal to the audit trail: the API's and the pages' refusals alike
	 * ({@code REVIEW_REFUSED}).
	 */
	void record(ReviewDeniedException e, Authentication user, HttpServletRequest request) {
		trail.ifAvailable(audit -> audit.record(user == null ? "anonymous" : user.getName(), "REVIEW_REFUSED",
				"Request", request.getMethod() + " " + request.getRequestURI(),
				Map.of("code", e.code(), "reason", e.getMessage())));
	}

}
