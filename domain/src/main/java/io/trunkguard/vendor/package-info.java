/**
 * Vendors: the carriers and service providers of the voice platform with their services,
 * risk tier, owner and contacts; the register that annual carrier reviews, questionnaires
 * and trace evidence attach to.
 */
package io.trunkguard.vendor;
