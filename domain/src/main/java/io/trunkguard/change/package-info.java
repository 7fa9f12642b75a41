/**
 * SIP configuration and change records (CC6.7, CC8.1): changes to SBCs, PBXs, proxies and
 * trunks with what, why, who requested and who (another person) approved, when applied,
 * configuration excerpts stored with their secrets redacted, and the capture showing the
 * result when encryption settings changed.
 */
package io.trunkguard.change;
