/**
 * Correlation: SIP messages into dialogs (Call-ID) and legs (one signalling flow over one
 * transport), media flows matched to the SDP that negotiated them, and a verdict per leg.
 */
package io.trunkguard.analyzer.correlate;
