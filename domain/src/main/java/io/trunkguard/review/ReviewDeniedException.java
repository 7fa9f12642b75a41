package io.trunkguard.review;

import io.trunkguard.shared.DomainException;

/**
 * The actor may not act on the item: it is not routed to them, or it is their own access
 * (self-review). The web answers 403.
 */
public class ReviewDeniedException extends DomainException {

	public ReviewDeniedException(String code, String message) {
		super(code, message);
	}

}
