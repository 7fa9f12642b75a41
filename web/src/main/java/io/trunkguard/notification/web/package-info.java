/**
 * The outbox page: the mail Trunkguard wrote (sent, pending, failed, or kept because no
 * SMTP server is configured). Compliance leads and admins see every message; everyone
 * else sees the messages addressed to them.
 */
package io.trunkguard.notification.web;
