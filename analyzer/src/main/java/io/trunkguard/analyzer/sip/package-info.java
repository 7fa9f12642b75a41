/**
 * SIP recognised by content on any port and parsed from datagrams, reassembled streams
 * (Content-Length framing), SCTP chunks and WebSocket frames.
 */
package io.trunkguard.analyzer.sip;
