/**
 * Media recognised from its own bytes: RTP/RTCP header sanity, SRTCP's E flag and index,
 * STUN, and payload statistics (entropy) that tell audio from ciphertext.
 */
package io.trunkguard.analyzer.rtp;
