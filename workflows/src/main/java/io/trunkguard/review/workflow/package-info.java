/**
 * The access review workflow: the BPMN process of a quarterly campaign, its tiny
 * delegates (each calls the domain's {@link io.trunkguard.review.CampaignService}) and
 * the adapters between domain events and inbox tasks.
 */
package io.trunkguard.review.workflow;
