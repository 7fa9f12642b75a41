package io.trunkguard.evidencepack;

import java.io.InputStream;

/**
 * Verifies an evidence pack read as a stream (an upload or a file; never more than one
 * entry's bookkeeping and the small index and manifest in memory): every file's SHA-256
 * and size against the manifest, the manifest against the index's record of it, and the
 * audit trail head the pack carries against the live trail (the entry with that sequence
 * number has that hash, and the chain up to it is intact). Reads only.
 */
public interface EvidencePackVerifier {

	/**
	 * Reads {@code pack} to its end (the caller closes it) and says whether it matches.
	 */
	PackVerification verify(InputStream pack);

}
