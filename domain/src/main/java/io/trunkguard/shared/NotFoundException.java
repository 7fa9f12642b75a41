package io.trunkguard.shared;

/** The addressed thing does not exist. */
public class NotFoundException extends DomainException {

	private final String subjectType;

	private final String subjectId;

	public NotFoundException(String subjectType, Object subjectId) {
		super(subjectType.toLowerCase() + ".not-found", subjectType + " " + subjectId + " does not exist");
		this.subjectType = subjectType;
		this.subjectId = String.valueOf(subjectId);
	}

	public String subjectType() {
		return subjectType;
	}

	public String subjectId() {
		return subjectId;
	}

}
