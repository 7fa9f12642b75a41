package io.trunkguard.shared;

/**
 * The request collides with existing data, e.g. a duplicate HR id or a duplicate active
 * grant.
 */
public class ConflictException extends DomainException {

	public ConflictException(String code, String message) {
		super(code, message);
	}

}
