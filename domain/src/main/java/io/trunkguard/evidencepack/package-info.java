/**
 * Evidence packs: one ZIP per audit period and set of criteria (index PDF, workbooks, the
 * stored evidence files, manifest, audit trail head, OSCAL assessment results), built by
 * streaming, audited when exported, and a verifier that checks a pack against its
 * manifest and the live audit trail.
 */
package io.trunkguard.evidencepack;
