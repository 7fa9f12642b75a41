package io.trunkguard.people;

/** Whether a person still works for the organisation. */
public enum EmploymentStatus {

	ACTIVE, LEFT

}
