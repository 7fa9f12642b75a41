package io.trunkguard.analyzer.correlate;

/** How a signalling leg carries SIP. */
public enum Transport {

	UDP(false), TCP(false), TLS(true), SCTP(false), WS(false), WSS(true);

	private final boolean encrypted;

	Transport(boolean encrypted) {
		this.encrypted = encrypted;
	}

	public boolean encrypted() {
		return encrypted;
	}

}
