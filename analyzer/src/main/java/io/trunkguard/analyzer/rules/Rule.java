package io.trunkguard.analyzer.rules;

import io.trunkguard.analyzer.Options;

import java.util.List;

/** One check over the capture model. */
public interface Rule {

	/** The id as spelled in DESIGN.md, e.g. SIP_PLAINTEXT_SIGNALLING. */
	String id();

	Severity severity();

	/** SOC 2 criterion (or criteria, comma separated). */
	String criterion();

	List<Finding> evaluate(RuleInput input, Options options);

	default Finding finding(Severity severity, String subjectType, String subjectId, List<Long> frames,
			String explanation, String remediation, String evidence) {
		List<Long> f = frames.size() > 50 ? List.copyOf(frames.subList(0, 50)) : List.copyOf(frames);
		return new Finding(id(), severity, criterion(), subjectType, subjectId, f, explanation, remediation, evidence);
	}

}
