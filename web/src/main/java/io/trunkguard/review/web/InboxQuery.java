package io.trunkguard.review.web;

import io.trunkguard.access.SystemId;
import io.trunkguard.review.ReviewFlag;

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
		SystemId systemId = system == null || system.isBlank() ? null : SystemId.of(system.strip());
		return new InboxView(q, flag, state, systemId, group);
	}

}
