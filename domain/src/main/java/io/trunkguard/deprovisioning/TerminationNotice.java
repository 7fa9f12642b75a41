package io.trunkguard.deprovisioning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A termination event as received from HR.
 *
 * @param eventId the sender's id of the event: the same id twice is one event
 * @param hrId the person's HR id
 * @param effectiveAt when the employment ends (the start of the deprovisioning clock)
 * @param source the channel it came through
 * @param receivedBy the machine client or person that delivered it, e.g.
 * {@code client:hr-webhook}
 */
public record TerminationNotice(@NotBlank @Size(max = 200) String eventId, @NotBlank @Size(max = 64) String hrId,
		@NotNull Instant effectiveAt, @NotNull TerminationSource source, @NotBlank @Size(max = 100) String receivedBy) {
}
