package io.trunkguard.securityevent;

/** Which part of Trunkguard (or of the watched voice network) reported the event. */
public enum SecurityEventSource {

	LOGIN("Login"), API_TOKEN("API token authentication"), AUTHORIZATION("Authorization"), HR_WEBHOOK("HR webhook"),
	HR_ROSTER("HR roster import"), SCIM("SCIM provisioning"), DEPROVISIONING("Deprovisioning"),
	CARRIER_ENCRYPTION("Carrier encryption status"), CAPTURE_ANALYSIS("Capture analysis"),
	CERTIFICATE_WATCH("Certificate watch"), MFA_READ("MFA read");

	private final String label;

	SecurityEventSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
