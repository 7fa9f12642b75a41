/**
 * The vendor register over the web: list and detail pages, and the {@code /api/vendors}
 * REST API.
 */
package io.trunkguard.vendor.web;
