/**
 * API tokens for scripts and devices in the embedded default: admins create them with a
 * name, a role and an expiry; the secret is shown once and kept as a hash; a request with
 * {@code Authorization: Bearer tg_…} acts as {@code token:<name>} with the token's role,
 * and every write it makes is in the audit trail under that name.
 */
package io.trunkguard.security.apitoken;
