/**
 * Security events (SOC 2 CC7.2): failed and refused logins, lockouts, refused webhooks,
 * SCIM calls and writes, deprovisioning SLA misses, encryption regressions, certificate
 * expiry and the anomalies found in captures, derived in one place from the audit trail,
 * listed for people and forwarded through an outbox to SIEM destinations.
 */
package io.trunkguard.securityevent;
