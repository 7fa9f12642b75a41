package io.trunkguard.analyzer.correlate;

/** Encryption verdict of one leg: signalling and its media together. */
public enum Verdict {

	ENCRYPTED, PARTLY_ENCRYPTED, UNENCRYPTED

}
