/**
 * Deprovisioning for people: the compliance lead's pages (open cases with their SLA
 * clock, a case with every step, the log of a period as XLSX/PDF and CC6.1 evidence with
 * its chart), the task pages of system owners and leads, and the read-only REST API.
 */
package io.trunkguard.deprovisioning.web;
