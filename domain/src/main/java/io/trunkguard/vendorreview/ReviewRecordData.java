package io.trunkguard.vendorreview;

import java.util.List;

/**
 * Everything a review record shows, as text for people: the carrier, the report facts,
 * exceptions and CUEC mapping, questionnaire deviations, documents, the decision, who and
 * when.
 */
public record ReviewRecordData(String reviewId, String carrierName, String riskTier, String owner, String services,
		String startedBy, String startedAt, String auditPeriod, String report, List<String[]> reportFacts,
		List<String[]> exceptions, List<String[]> cuecs, List<String[]> subservices, String coverage,
		String questionnaire, List<String[]> deviations, List<String[]> documents, String contract,
		String documentFindings, String encryptionStatus, String decision, String rationale, String decidedBy,
		String decidedAt, List<String[]> conditions, String generatedAt) {
}
