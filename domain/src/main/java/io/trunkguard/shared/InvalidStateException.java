package io.trunkguard.shared;

/**
 * The aggregate is in a state that does not allow the requested change, e.g. revoking a
 * revoked grant.
 */
public class InvalidStateException extends DomainException {

	public InvalidStateException(String code, String message) {
		super(code, message);
	}

}
