/**
 * Web adapter of questionnaires: the lead's tracker and answers, and the pages a
 * carrier's contact reaches through the single-use link (no account, no navigation, wrong
 * tokens throttled per source address).
 */
package io.trunkguard.questionnaire.web;
