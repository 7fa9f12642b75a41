package io.trunkguard.control;

/** A control's computed state for a period. */
public enum ControlState {

	/** Every expected piece of evidence is there. */
	SATISFIED("satisfied"),
	/** At least one gap. */
	NOT_SATISFIED("not satisfied");

	private final String label;

	ControlState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
