/**
 * Capture file readers in plain Java (pcap, pcapng, gzip) that frame records in place and
 * report where damage starts instead of throwing.
 */
package io.trunkguard.analyzer.io;
