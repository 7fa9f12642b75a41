package io.trunkguard.securityevent;

import java.io.IOException;
import java.util.List;

/**
 * A SIEM that security events are forwarded to (an adapter in the integrations module:
 * syslog, Splunk HEC). The outbox calls it with the next events in order and counts them
 * as delivered only when it returns.
 */
public interface SiemDestination {

	/**
	 * A short, stable name ({@code syslog}, {@code splunk-hec}): the key its delivery
	 * state is kept under, so renaming it starts over from the first event.
	 */
	String name();

	/**
	 * Delivers the events, in the given order; returns only when the receiver has taken
	 * all of them, throws if it may not have.
	 */
	void send(List<SecurityEvent> events) throws IOException;

}
