package io.trunkguard.analyzer.tls;

/**
 * Receives decrypted application data, in order per side. The buffer is only valid during
 * the call: copy what you keep.
 */
@FunctionalInterface
public interface PlaintextListener {

	void onPlaintext(Side side, byte[] buf, int off, int len, long frameNumber);

}
