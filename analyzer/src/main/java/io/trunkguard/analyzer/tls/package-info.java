/**
 * TLS and DTLS observation for the trace analyzer: record layer, handshake and X.509
 * facts, cipher and SRTP suite judgement, and optional decryption with an NSS key log
 * (JDK crypto only).
 */
package io.trunkguard.analyzer.tls;
