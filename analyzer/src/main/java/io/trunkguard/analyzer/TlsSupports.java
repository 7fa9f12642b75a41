package io.trunkguard.analyzer;

import io.trunkguard.analyzer.flow.TlsSupport;

/** Chooses the TLS/DTLS support for an analysis. */
final class TlsSupports {
    private TlsSupports() {
    }

    static TlsSupport create(Options options) {
        return TlsSupport.NONE;
    }
}
