package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.decode.IpAddress;
import io.trunkguard.analyzer.decode.Packet;

/**
 * Direction-free identity of a flow: the two endpoints in a canonical order. Mutable so
 * one instance can probe the flow tables without allocating; {@link #copy()} before
 * storing.
 */
final class FlowKey {

	int protocol;

	int version;

	long aHi;

	long aLo;

	int aPort;

	long bHi;

	long bLo;

	int bPort;

	/** True when the packet's source is endpoint a. */
	boolean srcIsA;

	FlowKey set(int protocol, Packet p, int srcPort, int dstPort) {
		this.protocol = protocol;
		this.version = p.ipVersion;
		int c = compare(p.srcHi, p.srcLo, srcPort, p.dstHi, p.dstLo, dstPort);
		srcIsA = c <= 0;
		if (srcIsA) {
			aHi = p.srcHi;
			aLo = p.srcLo;
			aPort = srcPort;
			bHi = p.dstHi;
			bLo = p.dstLo;
			bPort = dstPort;
		}
		else {
			aHi = p.dstHi;
			aLo = p.dstLo;
			aPort = dstPort;
			bHi = p.srcHi;
			bLo = p.srcLo;
			bPort = srcPort;
		}
		return this;
	}

	private static int compare(long h1, long l1, int p1, long h2, long l2, int p2) {
		int c = Long.compareUnsigned(h1, h2);
		if (c != 0) {
			return c;
		}
		c = Long.compareUnsigned(l1, l2);
		return c != 0 ? c : Integer.compare(p1, p2);
	}

	FlowKey copy() {
		FlowKey k = new FlowKey();
		k.protocol = protocol;
		k.version = version;
		k.aHi = aHi;
		k.aLo = aLo;
		k.aPort = aPort;
		k.bHi = bHi;
		k.bLo = bLo;
		k.bPort = bPort;
		return k;
	}

	Endpoint a() {
		return new Endpoint(new IpAddress(version, aHi, aLo), aPort);
	}

	Endpoint b() {
		return new Endpoint(new IpAddress(version, bHi, bLo), bPort);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof FlowKey k)) {
			return false;
		}
		return aLo == k.aLo && bLo == k.bLo && aPort == k.aPort && bPort == k.bPort && protocol == k.protocol
				&& aHi == k.aHi && bHi == k.bHi && version == k.version;
	}

	@Override
	public int hashCode() {
		long h = aLo * 0x9E3779B97F4A7C15L + bLo;
		h = h * 31 + aHi;
		h = h * 31 + bHi;
		h = h * 31 + ((long) aPort << 16 | bPort);
		h = h * 31 + protocol;
		return (int) (h ^ (h >>> 32));
	}

}
