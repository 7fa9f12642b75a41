/**
 * Notification: the mail Trunkguard sends (review reminders and escalations, missed
 * deprovisioning SLAs), written to an outbox in the transaction of the event that caused
 * it, then sent over SMTP where configured or kept for the outbox page.
 */
package io.trunkguard.notification;
