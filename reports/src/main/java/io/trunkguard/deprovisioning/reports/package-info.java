/**
 * The deprovisioning log for a period as evidence of SOC 2 CC6.1: an XLSX with every case
 * and every access removed with its times and SLA outcome, and a PDF summary (counts,
 * median and p95 time to deprovision, SLA met, misses).
 */
package io.trunkguard.deprovisioning.reports;
