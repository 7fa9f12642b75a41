/**
 * Access review remediation bound to the Keycloak adapter: revocations and reductions
 * decided in a campaign are carried out as realm role changes through
 * {@code access.integration.keycloak} and read back as proof.
 */
package io.trunkguard.review.integration;
