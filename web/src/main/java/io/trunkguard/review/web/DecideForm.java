package io.trunkguard.review.web;

import io.trunkguard.review.Decision;
import io.trunkguard.review.ReviewItemId;

import java.util.List;
import java.util.UUID;

/**
 * The inbox's decide form: the ticked items ({@code item}, repeated), one decision for
 * all of them, the lesser role for a reduce and the justification.
 */
record DecideForm(List<UUID> item, Decision decision, String reducedTo, String justification) {

	DecideForm {
		item = item == null ? List.of() : List.copyOf(item);
	}

	List<ReviewItemId> itemIds() {
		return item.stream().map(ReviewItemId::new).toList();
	}

}
