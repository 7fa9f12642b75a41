/**
 * Deprovisioning's identity provider port bound to the Keycloak adapter: what
 * deprovisioning asks of the identity provider, carried out by
 * {@code access.integration.keycloak}.
 */
package io.trunkguard.deprovisioning.integration;
