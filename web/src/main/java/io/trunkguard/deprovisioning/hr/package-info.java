/**
 * HR inputs of deprovisioning: the HMAC-signed termination webhook and SCIM 2.0 Users for
 * machine clients, each authenticated by its own secret (no session, no CSRF), turning a
 * termination into a deprovisioning case.
 */
package io.trunkguard.deprovisioning.hr;
