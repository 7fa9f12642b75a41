package io.trunkguard.vendor;

/**
 * How much harm a failure of the vendor would cause; drives review depth and frequency.
 */
public enum RiskTier {

	LOW, MEDIUM, HIGH, CRITICAL

}
