/**
 * The pack verifier as a command: {@code java -jar trunkguard.jar
 * --trunkguard.pack.verify=FILE} checks a pack file against its manifest and the live
 * audit trail, prints the verdict and exits 0 (matches) or 1 (does not).
 */
package io.trunkguard.evidencepack.cli;
