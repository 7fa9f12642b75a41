package io.trunkguard.questionnaire;

import java.time.Instant;
import java.util.UUID;

/**
 * A link was issued and must reach the contact: the only place the token travels, from
 * the sending transaction to the outbox. Not audited and not persisted by the event
 * registry (listeners are synchronous), so the token is never written anywhere but the
 * mail.
 */
public record QuestionnaireLinkIssued(UUID questionnaireId, String vendorName, String contactName, String contactEmail,
		String token, Instant expiresAt, String sentBy) {

	@Override
	public String toString() {
		return "QuestionnaireLinkIssued[" + questionnaireId + "]";
	}
}
