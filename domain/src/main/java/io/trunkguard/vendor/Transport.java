package io.trunkguard.vendor;

/** How SIP signalling reaches a trunk endpoint. */
public enum Transport {

	UDP("UDP"), TCP("TCP"), TLS("TLS"), SCTP("SCTP"), WS("WebSocket (ws)"), WSS("secure WebSocket (wss)");

	private final String label;

	Transport(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether signalling over this transport is encrypted. */
	public boolean isEncrypted() {
		return this == TLS || this == WSS;
	}

}
