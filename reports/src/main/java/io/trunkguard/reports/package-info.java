/**
 * Building blocks shared by every evidence document: the PDF house style (fonts, headed
 * tables, fact rows) and spreadsheet text that cannot be read as a formula. Depends on no
 * business module.
 */
package io.trunkguard.reports;
