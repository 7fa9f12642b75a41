/**
 * Workflow: what every process class shares with the engine, such as typed process
 * variables. No business rules live here.
 */
package io.trunkguard.workflow;
