/**
 * Trace evidence: uploaded packet captures of call paths, their analysis (legs with
 * encryption verdicts, findings, certificates, the full JSON report) and what they prove
 * about each carrier's transmission encryption (SOC 2 CC6.7, CC7.2).
 */
package io.trunkguard.trace;
