package io.trunkguard.review;

/**
 * The outcome of an automatic remediation: {@code verified} when the connector read the
 * account back and the role is gone (or reduced); {@code proof} says what was checked,
 * e.g. {@code "realm role sbc-admin absent for user jdoe at
 * 2026-11-26T14:00Z"}.
 */
public record RemediationResult(boolean verified, String proof) {
}
