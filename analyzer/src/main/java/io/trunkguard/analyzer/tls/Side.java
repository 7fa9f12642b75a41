package io.trunkguard.analyzer.tls;

/**
 * Which side of a flow sent the bytes: A is the side that sent the first packet seen (TCP
 * SYN sender if seen).
 */
public enum Side {

	A, B;

	/** The other side. */
	public Side other() {
		return this == A ? B : A;
	}

}
