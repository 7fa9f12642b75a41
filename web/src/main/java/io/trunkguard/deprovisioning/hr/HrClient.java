package io.trunkguard.deprovisioning.hr;

import org.springframework.util.unit.DataSize;

import java.util.function.Function;

/**
 * The signed HR machine clients: the actor their requests are recorded under, the audit
 * action of a refusal and the body limit that applies to each.
 */
enum HrClient {

	WEBHOOK("client:hr-webhook", "HR_WEBHOOK_REFUSED", "HrWebhook", "event", HrInputProperties::maxBody),

	ROSTER("client:hr-roster", "HR_ROSTER_REFUSED", "HrRoster", "roster", HrInputProperties::maxRoster);

	final String actor;

	final String refusedAction;

	final String auditType;

	/** What the client sends, in words: "the event", "the roster". */
	final String sends;

	private final Function<HrInputProperties, DataSize> limit;

	HrClient(String actor, String refusedAction, String auditType, String sends,
			Function<HrInputProperties, DataSize> limit) {
		this.actor = actor;
		this.refusedAction = refusedAction;
		this.auditType = auditType;
		this.sends = sends;
		this.limit = limit;
	}

	long maxBytes(HrInputProperties properties) {
		return limit.apply(properties).toBytes();
	}

}
