package io.trunkguard.review;

import io.trunkguard.access.SystemId;

/**
 * What a reviewer narrows their inbox to; every part is optional (null means any).
 *
 * @param text part of the holder's name, the system's name or the role (case-insensitive)
 * @param flag only items carrying this flag
 * @param undecided true: only items without a decision; false: only decided ones
 * @param systemId only items on this system
 */
public record InboxFilter(String text, ReviewFlag flag, Boolean undecided, SystemId systemId) {

	public static InboxFilter none() {
		return new InboxFilter(null, null, null, null);
	}
}
