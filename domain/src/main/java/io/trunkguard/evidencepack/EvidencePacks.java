package io.trunkguard.evidencepack;

import java.io.OutputStream;

/**
 * Builds evidence packs. The ZIP is written straight to the given stream as it is made
 * (no whole pack, workbook or stored file in memory), with its SHA-256 computed on the
 * way; after the last byte the export is appended to the audit trail as
 * {@code EVIDENCE_PACK_EXPORTED} (who, audit, period, criteria, the pack's SHA-256).
 * Errors: {@link io.trunkguard.shared.InvalidInputException} (checked by
 * {@link PackRequest} before anything is written); an
 * {@link java.io.UncheckedIOException} when the stream fails (the export is then not
 * audited as done).
 */
public interface EvidencePacks {

	/** The audit trail action of a finished export. */
	String EXPORTED = "EVIDENCE_PACK_EXPORTED";

	/** Writes the pack for {@code request} to {@code out} (not closed) and audits it. */
	PackSummary write(PackRequest request, OutputStream out);

}
