package io.trunkguard.shared;

/**
 * Base of every business rule violation. The web maps the subclasses to RFC 9457 problem
 * details: {@link NotFoundException} 404, {@link ConflictException} 409,
 * {@link InvalidStateException} 409, {@link InvalidInputException} 400.
 */
public abstract class DomainException extends RuntimeException {

	private final String code;

	protected DomainException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** A stable, machine-readable error code, e.g. {@code grant.not-active}. */
	public String code() {
		return code;
	}

}
