package io.trunkguard.analyzer.correlate;

import io.trunkguard.analyzer.decode.IpAddress;

/** An IP address and port. */
public record Endpoint(IpAddress ip, int port) {
    @Override
    public String toString() {
        return ip.version() == 6 ? "[" + ip + "]:" + port : ip + ":" + port;
    }
}
