/**
 * The MFA page (leads, admins and auditors read it), its reports, the system owners'
 * exception tasks and the read API.
 */
package io.trunkguard.mfa.web;
