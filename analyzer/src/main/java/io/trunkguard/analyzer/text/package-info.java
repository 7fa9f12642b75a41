/**
 * Sentences for the report built without {@link java.util.Formatter}: the few conversions
 * the analyzer's evidence uses, with the same characters as
 * {@code String.format(Locale.ROOT, ...)}.
 */
package io.trunkguard.analyzer.text;
