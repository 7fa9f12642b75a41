/**
 * MFA on privileged access (SOC 2 CC6.1): reads from the identity provider whether every
 * holder of a privileged grant, and every Trunkguard admin, compliance lead and auditor,
 * has a second factor and whether the realm requires one; keeps each read as evidence and
 * opens an exception for the system owner where a second factor is missing or not
 * required.
 */
package io.trunkguard.mfa;
