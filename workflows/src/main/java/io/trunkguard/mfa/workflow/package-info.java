/**
 * The monthly MFA read of privileged access as a BPMN process with a timer start
 * ({@code bpmn/mfa/privileged-mfa-read.bpmn}).
 */
package io.trunkguard.mfa.workflow;
