package io.trunkguard.vendor;

import java.time.Instant;

/**
 * A carrier's encryption status with what it rests on.
 *
 * @param observedAt when the traffic was captured (null while no capture was analysed)
 * @param basis a sentence naming the capture(s) it rests on, e.g. "capture
 * trunk-2026-11.pcapng (3 legs, 2 encrypted)"
 * @param captureId the capture it rests on, if any (an id of the captures work)
 */
public record EncryptionState(EncryptionStatus status, Instant observedAt, String basis, String captureId) {

	public static final EncryptionState NONE = new EncryptionState(EncryptionStatus.NO_CAPTURE_ANALYSED, null, null,
			null);

	/** "Partly encrypted (capture of 2026-11-30)" or "No capture analysed". */
	public String describe() {
		return basis == null ? status.label() : status.label() + " (" + basis + ")";
	}
}
