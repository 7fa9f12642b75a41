package io.trunkguard.review;

/** How a pending revoke or reduce is carried out: by a connector (verified) or by the system's owner, with proof. */
public enum RemediationRoute {
	AUTOMATIC, MANUAL
}
