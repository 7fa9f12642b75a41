package io.trunkguard.trace.web;

/**
 * The answer to an upload: the capture's id and status; {@code duplicate} when the same
 * bytes had been uploaded before (the id is then that capture's).
 */
record CaptureAccepted(String id, String status, boolean duplicate) {
}
