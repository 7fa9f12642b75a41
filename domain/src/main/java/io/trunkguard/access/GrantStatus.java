package io.trunkguard.access;

/** Whether a grant is in force. */
public enum GrantStatus {

	ACTIVE, REVOKED

}
