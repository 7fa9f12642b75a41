/**
 * Questionnaires: templates of questions and the questionnaires sent to a carrier's
 * contact through a single-use, expiring, revocable link (only its hash is stored),
 * answered with no account, every open, save and submit audited.
 */
package io.trunkguard.questionnaire;
