/**
 * The audit trail over the web: the trail page with its verification, and
 * {@code /api/audit}.
 */
package io.trunkguard.audit.web;
