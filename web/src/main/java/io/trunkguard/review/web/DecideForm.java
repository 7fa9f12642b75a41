package io.trunkguard.review.web;

import io.trunkguard.review.Decision;
import io.trunkguard.review.ReviewItemId;

import java.util.List;
import java.util.UUID;

/**
 * The inbox's decide form: the ticked items ({@code item}, repeated), whole groups ticked
 * at once ({@code group}: a system's or person's name as the inbox groups them), or every
 * item shown ({@code all}); one decision for all of them, the lesser role for a reduce
 * and the justification.
 */
record DecideForm(List<UUID> item, List<String> group, Boolean all, Decision decision, String reducedTo,
		String justification) {

	DecideForm {
		item = item == null ? List.of() : List.copyOf(item);
		group = group == null ? List.of() : List.copyOf(group);
	}

	/** Whether anything was chosen: items, groups or everything shown. */
	boolean choseSomething() {
		return !item.isEmpty() || !group.isEmpty() || Boolean.TRUE.equals(all);
	}

	List<ReviewItemId> itemIds() {
		return item.stream().map(ReviewItemId::new).toList();
	}

}
