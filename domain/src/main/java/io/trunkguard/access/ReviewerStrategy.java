package io.trunkguard.access;

/**
 * Who reviews the grants on a system in an access review: its owner or each holder's
 * manager.
 */
public enum ReviewerStrategy {

	SYSTEM_OWNER, MANAGER

}
