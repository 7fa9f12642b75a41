package io.trunkguard.trace;

/** Where a capture was taken, as the uploader says. */
public enum CaptureLabel {

	CARRIER_TRUNK("Carrier trunk"), WEBRTC_GATEWAY("WebRTC gateway"), INTERNAL_PBX("Internal PBX"), OTHER("Other");

	private final String description;

	CaptureLabel(String description) {
		this.description = description;
	}

	/** Words for people, e.g. "Carrier trunk". */
	public String description() {
		return description;
	}

}
