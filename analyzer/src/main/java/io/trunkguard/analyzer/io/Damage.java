package io.trunkguard.analyzer.io;

/**
 * Where a capture stops being readable and why.
 *
 * @param offset byte offset in the (decompressed) capture stream where the damage starts
 * @param description what is wrong there, in words
 */
public record Damage(long offset, String description) {
}
