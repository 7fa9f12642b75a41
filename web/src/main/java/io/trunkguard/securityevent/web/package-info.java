/**
 * The security events page: CC7.2 events with filters, and where each SIEM destination
 * stands.
 */
package io.trunkguard.securityevent.web;
