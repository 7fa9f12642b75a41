/**
 * Controls: the SOC 2 criteria in scope (CC6.1, CC6.7, CC7.2, CC9.2) with their points of
 * focus, the narratives a compliance lead keeps (versioned), and each control's status
 * per period computed from the product's own records, with every gap named.
 */
package io.trunkguard.control;
