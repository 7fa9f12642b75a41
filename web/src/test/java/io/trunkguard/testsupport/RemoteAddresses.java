package io.trunkguard.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A request from an address no other request of this JVM used. Refusals without valid
 * credentials are counted per source address (the first one from an address is written to
 * the audit trail at once, repeats within a minute are counted): a test that wants to see
 * its refusal's own entry sends it from a fresh address.
 */
public final class RemoteAddresses {

	private static final AtomicInteger next = new AtomicInteger(1);

	private RemoteAddresses() {
	}

	/** An address in 10.0.0.0/8 not used before in this JVM. */
	public static String fresh() {
		int n = next.getAndIncrement();
		return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	public static RequestPostProcessor fromAFreshAddress() {
		String address = fresh();
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
