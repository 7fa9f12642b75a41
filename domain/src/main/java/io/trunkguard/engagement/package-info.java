/**
 * Audits (engagements): what an assigned auditor sees (a period and the SOC 2 criteria in
 * scope), and the populations an auditor samples from for that period (terminations,
 * review decisions, carrier reviews, analysed captures).
 */
package io.trunkguard.engagement;
