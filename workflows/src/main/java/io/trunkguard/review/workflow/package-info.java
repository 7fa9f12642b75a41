/**
 * The access review workflow: the BPMN process of a quarterly campaign, its tiny
 * delegates (each calls the one domain service of its phase:
 * {@link io.trunkguard.review.CampaignLifecycleService},
 * {@link io.trunkguard.review.ReviewReminderService} or
 * {@link io.trunkguard.review.RemediationService}) and the adapters between domain events
 * and inbox tasks.
 */
package io.trunkguard.review.workflow;
