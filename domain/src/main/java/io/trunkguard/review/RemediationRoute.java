package io.trunkguard.review;

/**
 * How a revoke or reduce is carried out: by a connector, verified ({@code AUTOMATIC};
 * also for an item already settled, which the automatic step leaves as it is), or by the
 * system's owner with proof ({@code MANUAL}).
 */
public enum RemediationRoute {

	AUTOMATIC, MANUAL

}
