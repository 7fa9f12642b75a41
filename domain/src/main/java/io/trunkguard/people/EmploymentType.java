package io.trunkguard.people;

/** Whether a person is on the payroll or works under a time-limited contract. */
public enum EmploymentType {

	EMPLOYEE, CONTRACTOR

}
