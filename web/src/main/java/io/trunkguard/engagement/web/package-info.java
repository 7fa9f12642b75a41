/**
 * Audits over the web: the list, the lead's create and edit form, the auditor's period
 * view (controls, evidence in and out of the period, flags and answers, populations as
 * CSV and XLSX) and {@code /api/audits} for scripts.
 */
package io.trunkguard.engagement.web;
