package io.trunkguard.review;

import java.time.Instant;
import java.util.List;

/**
 * The dates a campaign's process waits for: reminders (earliest first, none before the
 * start), the deadline (when late reviewers are escalated) and the close-out (when the
 * unanswered rule settles what is still open).
 */
public record CampaignSchedule(List<Instant> reminders, Instant deadline, Instant closeOutAt) {
}
