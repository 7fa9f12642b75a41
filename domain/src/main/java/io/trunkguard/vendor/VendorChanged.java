package io.trunkguard.vendor;

import java.time.Instant;
import java.util.List;

/** A vendor's details changed; {@code changedFields} names what changed. */
public record VendorChanged(VendorId vendorId, String name, List<String> changedFields, String actor, Instant occurredAt) {
}
