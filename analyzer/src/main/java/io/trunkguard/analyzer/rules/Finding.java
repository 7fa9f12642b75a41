package io.trunkguard.analyzer.rules;

import java.util.List;

/**
 * One finding: which rule, how bad, which SOC 2 criterion, what it is about (a leg,
 * dialog, media stream or source address), the frames that prove it, and words for
 * people.
 *
 * @param subjectType "leg", "dialog", "media" or "source"
 * @param explanation one line a non-engineer understands
 * @param remediation what to change
 * @param evidence technical detail behind the finding
 */
public record Finding(String ruleId, Severity severity, String criterion, String subjectType, String subjectId,
		List<Long> frames, String explanation, String remediation, String evidence) {
}
