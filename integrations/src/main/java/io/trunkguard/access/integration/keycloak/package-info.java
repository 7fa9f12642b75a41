/**
 * The Keycloak admin API adapter: disables accounts, ends sessions, removes realm roles
 * and reads them back, through the service-account client {@code trunkguard-admin}
 * (configured from TRUNKGUARD_KEYCLOAK_* environment variables).
 */
@org.springframework.modulith.NamedInterface("keycloak")
package io.trunkguard.access.integration.keycloak;
