/**
 * Questionnaires in spreadsheets (Apache POI): templates and answered questionnaires read
 * from XLSX, and questionnaires written to XLSX for answering offline.
 */
package io.trunkguard.questionnaire.reports;
