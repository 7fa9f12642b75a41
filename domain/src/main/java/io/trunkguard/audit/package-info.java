/**
 * Audit trail: an append-only, SHA-256 hash-chained log of every change of state, login,
 * refused write and export, written in the same transaction as the change, with a
 * verifier that names the first entry that does not match.
 */
package io.trunkguard.audit;
