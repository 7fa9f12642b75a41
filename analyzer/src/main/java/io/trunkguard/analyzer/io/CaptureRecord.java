package io.trunkguard.analyzer.io;

/**
 * One captured packet, framed in place: {@link #data} is the reader's buffer and is only
 * valid until the next call to {@link CaptureReader#next(CaptureRecord)}. Reused by the
 * reader.
 */
public final class CaptureRecord {

	public byte[] data;

	public int offset;

	/** Captured bytes available at {@link #offset}. */
	public int length;

	/**
	 * Length of the packet on the wire (may exceed {@link #length} when the capture was
	 * snapped).
	 */
	public int originalLength;

	/**
	 * Nanoseconds since the epoch; 0 when the format carries no timestamp (pcapng SPB).
	 */
	public long timestampNanos;

	/** DLT/LINKTYPE value of the interface the packet was captured on. */
	public int linkType;

	/** 1-based frame number, as Wireshark counts it. */
	public long frameNumber;

	public int interfaceId;

	/** Offset of the record header in the (decompressed) capture stream. */
	public long fileOffset;

}
