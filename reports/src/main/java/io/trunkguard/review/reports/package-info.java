/**
 * The access review campaign report: a PDF for the auditor (scope, reviewers, decisions,
 * remediation, unanswered items, sign-off) and an XLSX with one row per item, generated
 * when a campaign is signed off and kept as evidence.
 */
package io.trunkguard.review.reports;
