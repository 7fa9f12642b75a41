package io.trunkguard.vendor;

import java.time.Instant;

/** A vendor was added to the register. */
public record VendorRegistered(VendorId vendorId, String name, RiskTier riskTier, String actor, Instant occurredAt) {
}
