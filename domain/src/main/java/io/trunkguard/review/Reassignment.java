package io.trunkguard.review;

import java.util.List;

/**
 * What a reassignment did: {@code moved} items went to {@code toReviewer}; the items in
 * {@code kept} stayed with their reviewer because they are {@code toReviewer}'s own
 * access, each named in a sentence (person, system and role).
 */
public record Reassignment(String toReviewer, int moved, List<String> kept) {

	public Reassignment {
		kept = List.copyOf(kept);
	}

	/** The outcome in one or two sentences for the person who reassigned. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append(moved == 1 ? "1 item was" : moved + " items were").append(" reassigned to ").append(toReviewer);
		text.append(moved > 0 ? "; earlier drafts were cleared." : ".");
		if (!kept.isEmpty()) {
			text.append(' ').append(String.join(" ", kept));
		}
		return text.toString();
	}

}
