/**
 * The per-capture compliance report: what a capture shows about transmission encryption
 * (CC6.7), access (CC6.1), anomalies (CC7.2) and the carriers (CC9.2), as PDF and XLSX,
 * kept as evidence dated by the capture's own time span.
 */
package io.trunkguard.trace.reports;
