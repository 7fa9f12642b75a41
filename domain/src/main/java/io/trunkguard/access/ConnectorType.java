package io.trunkguard.access;

/**
 * How access on a system is removed: automatically through Keycloak's admin API, or by a
 * person with proof.
 */
public enum ConnectorType {

	KEYCLOAK, MANUAL

}
