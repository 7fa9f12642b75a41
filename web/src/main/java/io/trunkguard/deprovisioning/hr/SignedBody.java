package io.trunkguard.deprovisioning.hr;

/** A request body whose size and {@link WebhookSignature} were checked. */
record SignedBody(byte[] bytes) {
}
