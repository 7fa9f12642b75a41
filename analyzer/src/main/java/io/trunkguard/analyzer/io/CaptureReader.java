package io.trunkguard.analyzer.io;

import java.util.Set;

/**
 * Frames the records of one capture file. Never throws on bad bytes: it stops and reports
 * {@link #damage()}.
 */
public interface CaptureReader {

	/**
	 * Fills {@code record} with the next packet; false at the end of the capture or where
	 * damage starts.
	 */
	boolean next(CaptureRecord record);

	/** Null when the capture ended cleanly, otherwise where and why reading stopped. */
	Damage damage();

	/** "pcap", "pcap-ns", "pcapng" or "unknown". */
	String format();

	/** Link types of the interfaces seen so far. */
	Set<Integer> linkTypes();

}
