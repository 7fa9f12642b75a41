/**
 * Who may do what: login (local accounts in the embedded default, Keycloak with OpenID
 * Connect in production), the four roles, URL authorization, CSRF and security headers,
 * and auditing of logins and refusals.
 */
package io.trunkguard.security;
