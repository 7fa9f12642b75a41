/**
 * SDP offers and answers: media lines, transport profiles, connection addresses and the
 * security attributes (a=crypto, a=fingerprint, a=setup) that decide how media is
 * protected.
 */
package io.trunkguard.analyzer.sdp;
