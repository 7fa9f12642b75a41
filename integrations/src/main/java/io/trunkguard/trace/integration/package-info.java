/**
 * The SIP trace analyzer library behind the trace module's
 * {@link io.trunkguard.trace.CaptureAnalyzer} port: runs it on a stored capture with
 * progress and a time limit and turns its report into the domain's data.
 */
package io.trunkguard.trace.integration;
