package io.trunkguard.review.web;

import io.trunkguard.access.SystemId;
import io.trunkguard.review.ReviewFlag;
import io.trunkguard.shared.InvalidInputException;

import java.util.Map;

/**
 * The inbox's filter and grouping as request parameters ({@code ?q=&flag=&state=&system=
 * &group=}), bound by Spring MVC; {@link #view()} reads them into the {@link InboxView}
 * the page shows.
 *
 * @param system a system id, or empty for any system
 * @param group {@code system} (the default) or {@code person}
 */
record InboxQuery(String q, ReviewFlag flag, String state, String system, String group) {

	InboxQuery {
		group = group == null || group.isBlank() ? "system" : group;
	}

	InboxView view() {
		return new InboxView(q, flag, state, systemId(), group);
	}

	/** An empty field means "any system"; anything else must be a system id. */
	private SystemId systemId() {
		if (system == null || system.isBlank()) {
			return null;
		}
		try {
			return SystemId.of(system.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("review.system-malformed", "system is not a system id: " + system,
					Map.of("system", "not a system id"));
		}
	}

}
