/**
 * The SIP trace analyzer's public API: {@link io.trunkguard.analyzer.TraceAnalyzer} reads
 * a capture and returns a {@link io.trunkguard.analyzer.report.TraceReport} with verdicts
 * and findings.
 */
package io.trunkguard.analyzer;
