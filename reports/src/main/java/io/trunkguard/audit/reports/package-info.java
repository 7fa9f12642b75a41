/**
 * The audit trail's exports: the entries a reader filtered, as XLSX or CSV with
 * neutralised cells.
 */
package io.trunkguard.audit.reports;
