package io.trunkguard.vendorreview;

/** A carrier's review state on the board, in the order the board sorts by. */
public enum BoardState {

	OVERDUE("Overdue"), IN_PROGRESS("In progress"), DUE_SOON("Due soon"), UP_TO_DATE("Up to date");

	private final String label;

	BoardState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
