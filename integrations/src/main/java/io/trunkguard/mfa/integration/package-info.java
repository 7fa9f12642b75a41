/**
 * The MFA read bound to Keycloak's admin API: second factors (OTP, WebAuthn) of users,
 * the holders of Trunkguard's realm roles, and what the realm's browser login flow and
 * required actions demand.
 */
package io.trunkguard.mfa.integration;
