/**
 * Reassembly with bounded memory: IPv4/IPv6 fragments into datagrams and TCP segments
 * into in-order byte streams per direction, with idle entries evicted.
 */
package io.trunkguard.analyzer.reassembly;
