package io.trunkguard.people.web;

import java.time.LocalDate;
import java.util.UUID;

import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;

/**
 * The person form's fields as typed; a mutable bean so that a refused form shows again as
 * entered.
 */
public class PersonForm {

	private Long version;

	private String hrId;

	private String fullName;

	private String email;

	private String username;

	private UUID managerId;

	private String department;

	private EmploymentType employmentType = EmploymentType.EMPLOYEE;

	private LocalDate startDate;

	private LocalDate endDate;

	static PersonForm of(Person person) {
		PersonForm form = new PersonForm();
		form.version = person.getVersion();
		form.hrId = person.getHrId();
		form.fullName = person.getFullName();
		form.email = person.getEmail();
		form.username = person.getUsername();
		form.managerId = person.getManagerId() == null ? null : person.getManagerId().value();
		form.department = person.getDepartment();
		form.employmentType = person.getEmploymentType();
		form.startDate = person.getStartDate();
		form.endDate = person.getEndDate();
		return form;
	}

	PersonDetails toDetails() {
		return new PersonRequest(version, hrId, fullName, email, username, managerId, department, employmentType,
				startDate, endDate)
			.toDetails();
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getHrId() {
		return hrId;
	}

	public void setHrId(String hrId) {
		this.hrId = hrId;
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public UUID getManagerId() {
		return managerId;
	}

	public void setManagerId(UUID managerId) {
		this.managerId = managerId;
	}

	public String getDepartment() {
		return department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public EmploymentType getEmploymentType() {
		return employmentType;
	}

	public void setEmploymentType(EmploymentType employmentType) {
		this.employmentType = employmentType;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

}
