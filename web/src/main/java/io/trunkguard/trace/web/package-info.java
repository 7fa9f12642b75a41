/**
 * Captures in the web application: the streamed upload (page and {@code POST
 * /api/captures}), the analysis status with progress, the report, the raw file download
 * for leads and admins, and the compliance report as PDF and XLSX.
 */
package io.trunkguard.trace.web;
