package io.trunkguard.evidencepack;

/**
 * The verdict on a pack: whether it matches, a sentence saying so or naming the first
 * thing that does not match, and the figures read.
 *
 * @param ok whether every check passed
 * @param sentence what a person reads, e.g. "The file workbooks/review-decisions.xlsx
 * does not match the manifest: ..."
 * @param files how many files of the pack were checked against the manifest
 * @param sha256 the SHA-256 of the whole pack as read
 */
public record PackVerification(boolean ok, String sentence, int files, String sha256) {
}
