package io.trunkguard.analyzer.decode;

/**
 * The innermost IP packet of a frame, as offsets into a buffer. Reused from frame to
 * frame: copy what must outlive the call.
 */
public final class Packet {

	public long frame;

	public long timestampNanos;

	public int ipVersion;

	/** IPv4: {@code srcLo} holds the address; IPv6: both halves. */
	public long srcHi;

	public long srcLo;

	public long dstHi;

	public long dstLo;

	public int protocol;

	/** Transport header and payload. */
	public byte[] buf;

	public int off;

	public int len;

	public int tunnels;

	public boolean reassembled;

	/** For fragments: identification, offset in bytes, more-fragments flag. */
	public boolean fragment;

	public long fragId;

	public int fragOffset;

	public boolean moreFragments;

	public IpAddress src() {
		return new IpAddress(ipVersion, srcHi, srcLo);
	}

	public IpAddress dst() {
		return new IpAddress(ipVersion, dstHi, dstLo);
	}

}
