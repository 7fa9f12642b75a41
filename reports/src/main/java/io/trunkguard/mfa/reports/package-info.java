/**
 * The MFA report (CC6.1) as XLSX and PDF, stored as evidence dated when the identity
 * provider was read.
 */
package io.trunkguard.mfa.reports;
