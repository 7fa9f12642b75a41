/**
 * The deprovisioning process (BPMN) and its delegates: from a termination event to the
 * account disabled, every grant removed (automatically or by the system owner, with SLA
 * escalation), verified and recorded.
 */
package io.trunkguard.deprovisioning.workflow;
