package io.trunkguard.web;

import org.springframework.http.HttpStatus;

/**
 * A request an adapter refuses before it reaches the domain (not configured, too large,
 * not authentic, unreadable): {@link ApiProblems} answers it as a problem detail with
 * this status, title and detail.
 */
public class RequestRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	public RequestRefusedException(HttpStatus status, String title, String detail) {
		super(detail);
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

}
