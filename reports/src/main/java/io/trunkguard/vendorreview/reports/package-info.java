/**
 * The annual carrier review record as a PDF (OpenPDF), stored as CC9.2 evidence.
 */
package io.trunkguard.vendorreview.reports;
