/**
 * The trace report: a versioned, documented JSON model (schema in resources) built from
 * the correlated capture, plus the human summary text.
 */
package io.trunkguard.analyzer.report;
