package io.trunkguard.review;

import io.trunkguard.access.SystemId;

/**
 * A system on which a reviewer still has unsubmitted items in a campaign (what a lead can
 * reassign system by system).
 */
public record ReviewerSystem(String reviewer, SystemId systemId, String systemName, long openItems) {
}
