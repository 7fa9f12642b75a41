/**
 * Evidence: every stored file (reports, proofs, SOC 2 reports, DPAs, questionnaire
 * answers, captures) as one concept, with its SHA-256, size, sniffed content type,
 * uploader and time; and the evidence items that say which controls a file supports and
 * which date or period it evidences.
 */
package io.trunkguard.evidence;
