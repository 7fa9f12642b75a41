/**
 * Annual carrier reviews (CC9.2): the review of a carrier's questionnaire, SOC report and
 * documents to a decision with conditions, its record stored as evidence, the schedule of
 * the next review by risk tier, and the carrier board.
 */
package io.trunkguard.vendorreview;
