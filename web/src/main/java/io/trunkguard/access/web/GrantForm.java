package io.trunkguard.access.web;

import java.util.UUID;

import io.trunkguard.access.NewGrant;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;

/**
 * The form to record a grant; a mutable bean so that a refused form shows again as
 * entered.
 */
public class GrantForm {

	private UUID personId;

	private UUID systemId;

	private String entitlement;

	private boolean privileged;

	NewGrant toNewGrant() {
		return new NewGrant(personId == null ? null : new PersonId(personId),
				systemId == null ? null : new SystemId(systemId), entitlement == null ? null : entitlement.trim(),
				privileged);
	}

	public UUID getPersonId() {
		return personId;
	}

	public void setPersonId(UUID personId) {
		this.personId = personId;
	}

	public UUID getSystemId() {
		return systemId;
	}

	public void setSystemId(UUID systemId) {
		this.systemId = systemId;
	}

	public String getEntitlement() {
		return entitlement;
	}

	public void setEntitlement(String entitlement) {
		this.entitlement = entitlement;
	}

	public boolean isPrivileged() {
		return privileged;
	}

	public void setPrivileged(boolean privileged) {
		this.privileged = privileged;
	}

}
