/**
 * Per-packet dispatch: UDP, TCP and SCTP flow tables (bounded, idle flows evicted),
 * content sniffing on any port, and routing of bytes to SIP, TLS/DTLS, WebSocket and
 * media tracking.
 */
package io.trunkguard.analyzer.flow;
