/**
 * The deprovisioning log over REST for compliance leads, auditors and admins: open cases with their SLA clock, the
 * oldest HR event first, and each case with every receipt and step.
 */
package io.trunkguard.deprovisioning.web;
