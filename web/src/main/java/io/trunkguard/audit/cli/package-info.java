/**
 * The audit verify command:
 * {@code java -jar trunkguard.jar --trunkguard.audit.verify-and-exit} walks the hash
 * chain, prints the result and exits with 0 (intact) or 1 (broken).
 */
package io.trunkguard.audit.cli;
