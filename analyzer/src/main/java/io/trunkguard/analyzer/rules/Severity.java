package io.trunkguard.analyzer.rules;

/** How urgent a finding is. */
public enum Severity {

	CRITICAL, HIGH, MEDIUM, LOW, INFO

}
