package io.trunkguard.analyzer.correlate;

import io.trunkguard.analyzer.decode.IpAddress;

/**
 * An IP address and port. equals and hashCode are written out: the record's generated
 * ones go through method handles, which cost noticeably on the media lookup path before
 * the JIT has compiled it (every cold run).
 */
public record Endpoint(IpAddress ip, int port) {
	@Override
	public boolean equals(Object o) {
		return o instanceof Endpoint e && port == e.port && ip.equals(e.ip);
	}

	@Override
	public int hashCode() {
		return ip.hashCode() * 31 + port;
	}

	@Override
	public String toString() {
		return ip.version() == 6 ? "[" + ip + "]:" + port : ip + ":" + port;
	}
}
