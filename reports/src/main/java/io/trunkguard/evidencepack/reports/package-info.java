/**
 * The evidence pack as files: the streamed ZIP with its index PDF, workbooks (SXSSF),
 * stored evidence, manifest, audit trail head and OSCAL assessment results, and the
 * verifier that reads a pack back.
 */
package io.trunkguard.evidencepack.reports;
