/**
 * Web adapter of carrier reviews: the carrier board, the carrier page with its record,
 * questionnaires and annual review, the SOC report review form, and their REST API under
 * {@code /api/vendors}.
 */
package io.trunkguard.vendorreview.web;
