package io.trunkguard.trace;

/**
 * The answer to an upload: the capture, and whether the same file had been uploaded
 * before (then it is that earlier capture).
 */
public record CaptureReceipt(Capture capture, boolean duplicate) {
}
