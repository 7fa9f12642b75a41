package io.trunkguard.review.web;

import io.trunkguard.access.SystemId;
import io.trunkguard.review.InboxFilter;
import io.trunkguard.review.ReviewFlag;

/**
 * An inbox's filter and grouping as submitted (and carried along by the decide form);
 * public: read by the templates.
 *
 * @param state {@code undecided}, {@code decided} or empty
 * @param group {@code system} or {@code person}
 */
public record InboxView(String q, ReviewFlag flag, String state, SystemId system, String group) {

	public InboxFilter filter() {
		Boolean undecided = "undecided".equals(state) ? Boolean.TRUE : "decided".equals(state) ? Boolean.FALSE : null;
		return new InboxFilter(q, flag, undecided, system);
	}

	public boolean byPerson() {
		return "person".equals(group);
	}
}
