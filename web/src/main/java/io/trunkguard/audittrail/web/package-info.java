/**
 * The audit trail as people read it: entries with names instead of ids, filtered by
 * period, actor and action, exported as CSV or XLSX (the export itself audited). Kept
 * apart from the audit module, which every module records into, because naming needs them
 * all.
 */
package io.trunkguard.audittrail.web;
